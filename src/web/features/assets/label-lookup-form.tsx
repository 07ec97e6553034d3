import { useNavigate } from '@tanstack/react-router';
import { useForm } from 'react-hook-form';
import { TextField } from '../../components/text-field.js';
import { useMessages } from '../../i18n/locale-context.js';
import { normaliseLabelCode } from './asset-search.js';
import { assetsMessages } from './assets-messages.js';

/**
 * ラベル番号で探す: for a label whose QR code cannot be scanned (no camera, worn print). Opens the label page,
 * which says whom to ask and, for those with the right, links the record.
 */
export function LabelLookupForm({ initial = '', headingLevel = 2 }: { initial?: string; headingLevel?: 2 | 3 }) {
  const t = useMessages(assetsMessages);
  const navigate = useNavigate();
  const form = useForm<{ code: string }>({ defaultValues: { code: initial } });
  const Heading = headingLevel === 2 ? 'h2' : 'h3';

  const find = ({ code }: { code: string }) => {
    const normalised = normaliseLabelCode(code);
    if (!normalised) return form.setError('code', { message: 'invalid' }, { shouldFocus: true });
    return navigate({ to: '/assets/label/$code', params: { code: normalised } });
  };

  return (
    <section className="label-lookup" aria-labelledby="label-lookup-heading">
      <Heading id="label-lookup-heading" className="label-lookup-heading">
        {t.labelSearchHeading}
      </Heading>
      <form noValidate className="form-inline label-lookup-form" onSubmit={form.handleSubmit(find)}>
        <TextField
          label={t.labelSearchLabel}
          hint={t.labelSearchHint}
          registration={form.register('code')}
          errors={form.formState.errors.code ? [t.labelCodeInvalid] : []}
          className="input-label-code"
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
        />
        <div className="form-actions">
          <button type="submit" className="button button-secondary">
            {t.labelSearchSubmit}
          </button>
        </div>
      </form>
    </section>
  );
}
