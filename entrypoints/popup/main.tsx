import { render } from 'preact';
import { TodayPopup } from '../../components/TodayPopup';
import '../../components/support-card.css';
import '../../components/popup.css';

render(<TodayPopup />, document.getElementById('app') as HTMLElement);
