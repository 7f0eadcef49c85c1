// The script-tag build (dist/embed.js): registers the elements with the script tag's data-* defaults.
import { readScriptConfig } from './config.js';
import { defineElements } from './define.js';

// only set while this script runs for the first time (classic scripts, with or without defer/async)
defineElements(readScriptConfig(document.currentScript));
