import { chatListCss } from './ChatList.css';
import { composerCss } from './Composer.css';
import { headerCss } from './Header.css';
import { messengerCss } from './Messenger.css';
import { themeCss } from './theme.css';
import { threadCss } from './Thread.css';

/** The panel's stylesheet, adopted once into the widget's shadow root; the survey form brings its own. */
export const messengerStyles = themeCss + messengerCss + headerCss + chatListCss + threadCss + composerCss;
