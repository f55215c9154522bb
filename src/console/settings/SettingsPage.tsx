import { useConsole } from '../context';
import { CsatRuleForm } from './CsatRuleForm';
import { FieldList } from './FieldList';
import { GoalForm } from './GoalForm';
import { OperatingHoursForm } from './OperatingHoursForm';
import { SavedRepliesForm } from './SavedRepliesForm';
import { TeamForm } from './TeamForm';

/** Channel settings: the chat-profile fields, the survey rule, the operating hours, the goal, the saved replies and the team. */
export function SettingsPage() {
  const { t } = useConsole();
  return (
    <div class="settings">
      <h1>{t.value.settings}</h1>
      <FieldList />
      <CsatRuleForm />
      <OperatingHoursForm />
      <GoalForm />
      <SavedRepliesForm />
      <TeamForm />
    </div>
  );
}
