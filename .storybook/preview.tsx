import type { Decorator, Preview } from '@storybook/react-vite';
import { mswLoader } from 'msw-storybook-addon/csf3';
import { parameters } from './parameters.js';
import { StoryFrame, themeFromGlobal } from './StoryFrame.js';

const withContentStats: Decorator = (Story, context) => (
  <StoryFrame
    key={context.id}
    theme={themeFromGlobal(context.globals.theme)}
    locale={typeof context.globals.locale === 'string' ? context.globals.locale : 'en-US'}
    fill={context.viewMode === 'story'}
  >
    <Story />
  </StoryFrame>
);

const preview: Preview = {
  parameters,
  loaders: [mswLoader()],
  decorators: [withContentStats],
  tags: ['autodocs'],
  globalTypes: {
    theme: {
      description: 'Theme of the components',
      toolbar: {
        title: 'Theme',
        icon: 'paintbrush',
        items: [
          { value: 'auto', title: 'Auto (system)' },
          { value: 'light', title: 'Light' },
          { value: 'dark', title: 'Dark' },
          { value: 'brand', title: 'Custom brand' },
        ],
        dynamicTitle: true,
      },
    },
    locale: {
      description: 'Locale of numbers and dates',
      toolbar: {
        title: 'Locale',
        icon: 'globe',
        items: [
          { value: 'en-US', title: 'English (US)' },
          { value: 'de-DE', title: 'Deutsch' },
          { value: 'ja-JP', title: '日本語' },
          { value: 'ar-EG', title: 'العربية (right to left)' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { theme: 'auto', locale: 'en-US' },
};

export default preview;
