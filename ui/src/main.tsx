// Entry point: picks the data source (inline report or HTTP API) and mounts the app.
import { render } from 'preact';
import { App } from './app.js';
import { pageSource } from './data-source.js';
import './styles.css';

performance.mark('parallax:boot');
const root = document.getElementById('app');
if (root) render(<App source={pageSource(document)} />, root);
