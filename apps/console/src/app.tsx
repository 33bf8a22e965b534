import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Route, Routes } from 'react-router-dom';
import { SignInPage } from './account/sign-in-page';
import { SignUpPage } from './account/sign-up-page';
import { ForgotPasswordPage } from './account/forgot-password-page';
import { ResetPasswordPage } from './account/reset-password-page';
import { MyDataPage } from './account/my-data-page';
import { AcademyPage } from './academy/academy-page';
import { ActivitiesPage } from './activities/activities-page';
import { IntroductionsPage } from './introductions/introductions-page';
import { MatchesPage } from './introductions/matches-page';
import { Layout } from './layout/layout';
import { ProfilePage } from './network/profile-page';
import { CheckInPage } from './organiser/check-in-page';
import { SchedulePage } from './organiser/schedule-page';
import { SignInSheetPage } from './organiser/sign-in-sheet-page';
import { ResultsPage } from './results/results-page';
import { RequireRole } from './session/require-role';

// Pages with heavy libraries (sigma.js, ical.js) or few users load when first opened.
const CalendarPage = lazy(() => import('./calendar/calendar-page').then((m) => ({ default: m.CalendarPage })));
const NetworkPage = lazy(() => import('./network/network-page').then((m) => ({ default: m.NetworkPage })));
const AsyncApiPage = lazy(() => import('./analyst/asyncapi-page').then((m) => ({ default: m.AsyncApiPage })));
const ExportsPage = lazy(() => import('./analyst/exports-page').then((m) => ({ default: m.ExportsPage })));
const LiveTailPage = lazy(() => import('./analyst/live-tail-page').then((m) => ({ default: m.LiveTailPage })));
const OperationsPage = lazy(() => import('./operations/operations-page').then((m) => ({ default: m.OperationsPage })));
const AccountsPage = lazy(() => import('./operations/accounts-page').then((m) => ({ default: m.AccountsPage })));

export function App() {
  const { t } = useTranslation();
  return (
    <Suspense fallback={<p role="status">{t('common.loading')}</p>}>
    <Routes>
      <Route element={<Layout />}>
        <Route index element={<Navigate to="/results" replace />} />
        <Route path="results" element={<ResultsPage />} />
        <Route path="calendar" element={<CalendarPage />} />
        <Route path="sign-in" element={<SignInPage />} />
        <Route path="sign-up" element={<SignUpPage />} />
        <Route path="forgot-password" element={<ForgotPasswordPage />} />
        <Route path="reset-password" element={<ResetPasswordPage />} />
        <Route element={<RequireRole roles={['member', 'admin']} />}>
          <Route path="academy" element={<AcademyPage />} />
          <Route path="activities" element={<ActivitiesPage />} />
          <Route path="matches" element={<MatchesPage />} />
          <Route path="introductions" element={<IntroductionsPage />} />
          <Route path="network" element={<NetworkPage />} />
          <Route path="profile" element={<ProfilePage />} />
        </Route>
        <Route element={<RequireRole roles={['member', 'organiser', 'admin', 'analyst']} />}>
          <Route path="my-data" element={<MyDataPage />} />
        </Route>
        <Route element={<RequireRole roles={['organiser', 'admin']} />}>
          <Route path="organiser/schedule" element={<SchedulePage />} />
          <Route path="organiser/sign-in-sheets" element={<SignInSheetPage />} />
          <Route path="organiser/check-in" element={<CheckInPage />} />
        </Route>
        <Route element={<RequireRole roles={['admin']} />}>
          <Route path="operations" element={<OperationsPage />} />
          <Route path="operations/accounts" element={<AccountsPage />} />
        </Route>
        <Route element={<RequireRole roles={['analyst', 'admin']} />}>
          <Route path="analyst/live" element={<LiveTailPage />} />
          <Route path="analyst/exports" element={<ExportsPage />} />
          <Route path="analyst/asyncapi" element={<AsyncApiPage />} />
        </Route>
        <Route path="*" element={<Navigate to="/results" replace />} />
      </Route>
    </Routes>
    </Suspense>
  );
}
