/** A short confirmation after an action, announced politely (role=status). */
export function SuccessNotice({ text }: { text: string | null }) {
  return (
    <div role="status" className={text ? 'notice notice-success' : 'visually-hidden'}>
      {text ? <p className="notice-title">{text}</p> : null}
    </div>
  );
}
