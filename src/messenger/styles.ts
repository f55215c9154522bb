import { csatFormCss } from '../csat/csatForm.css';
import { chatListCss } from './ChatList.css';
import { composerCss } from './Composer.css';
import { headerCss } from './Header.css';
import { messengerCss } from './Messenger.css';
import { themeCss } from './theme.css';
import { threadCss } from './Thread.css';

/** The whole stylesheet of the panel, adopted once into the widget's shadow root. */
export const messengerStyles = themeCss + messengerCss + headerCss + chatListCss + threadCss + csatFormCss + composerCss;
