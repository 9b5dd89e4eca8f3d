import { render } from 'preact';
import '../../entrypoints/ui/styles.css';
import './admin.css';
import { App } from './App';

render(<App />, document.getElementById('app')!);
