import { useConsole } from '../context';
import { CsatRuleForm } from './CsatRuleForm';
import { FieldList } from './FieldList';
import { GoalForm } from './GoalForm';
import { OperatingHoursForm } from './OperatingHoursForm';

/** Channel settings: the chat-profile fields, the survey rule, the operating hours and the goal. */
export function SettingsPage() {
  const { t } = useConsole();
  return (
    <div class="settings">
      <h1>{t.value.settings}</h1>
      <FieldList />
      <CsatRuleForm />
      <OperatingHoursForm />
      <GoalForm />
    </div>
  );
}
