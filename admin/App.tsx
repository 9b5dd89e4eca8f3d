import { Console } from './Console';
import { SignInPage } from './SignInPage';
import { useAdminSession } from './use-admin-session';

export function App() {
  const admin = useAdminSession();
  if (!admin.session) return <SignInPage notice={admin.notice} onSignIn={admin.signIn} />;
  return <Console session={admin.session} onSignOut={admin.signOut} onTokenRefused={admin.renewNow} />;
}
