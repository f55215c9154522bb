import { chatListCss } from './components/ChatList.css';
import { composerCss } from './components/Composer.css';
import { headerCss } from './components/Header.css';
import { messengerCss } from './components/Messenger.css';
import { themeCss } from './theme.css';
import { threadCss } from './components/Thread.css';

/** The panel's stylesheet, adopted once into the widget's shadow root; the survey form brings its own. */
export const messengerStyles = themeCss + messengerCss + headerCss + chatListCss + threadCss + composerCss;
