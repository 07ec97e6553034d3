import { Link } from '@tanstack/react-router';
import { commonMessages } from '../i18n/common-messages.js';
import { useMessages } from '../i18n/locale-context.js';
import { Page } from './page.js';

/** Unknown address, or a record the user may not see (the server answers 404 for both). */
export function NotFoundPage() {
  const common = useMessages(commonMessages);
  return (
    <Page title={common.notFoundTitle} clauses={['1.1']}>
      <p>{common.notFoundBody}</p>
      <p>
        <Link to="/">{common.backHome}</Link>
      </p>
    </Page>
  );
}
