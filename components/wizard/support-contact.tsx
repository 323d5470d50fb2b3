/** The integrator's support contact as a link when it is an email address or a web address. */
export function SupportContact({ contact }: { contact: string }) {
  const value = contact.trim();
  const href = /^[^\s@]+@[^\s@]+$/.test(value) ? `mailto:${value}` : /^https?:\/\//.test(value) ? value : null;
  if (!href) return <strong className="font-semibold text-slate-900">{value}</strong>;
  return (
    <a href={href} className="font-semibold text-brand-700 underline underline-offset-2 hover:text-brand-800">
      {value}
    </a>
  );
}
