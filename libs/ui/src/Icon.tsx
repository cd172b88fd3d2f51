export type IconName = 'lock' | 'mail' | 'chat' | 'phone' | 'send' | 'gear' | 'paperclip';

// Inline SVG, so the marks render the same everywhere (emoji fonts are missing on many Linux desktops).
const PATHS: Record<IconName, string> = {
  lock: 'M5 7V5a3 3 0 0 1 6 0v2h.5A1.5 1.5 0 0 1 13 8.5v5a1.5 1.5 0 0 1-1.5 1.5h-7A1.5 1.5 0 0 1 3 13.5v-5A1.5 1.5 0 0 1 4.5 7H5zm1.5 0h3V5a1.5 1.5 0 0 0-3 0v2z',
  mail: 'M2.5 3h11A1.5 1.5 0 0 1 15 4.5v7a1.5 1.5 0 0 1-1.5 1.5h-11A1.5 1.5 0 0 1 1 11.5v-7A1.5 1.5 0 0 1 2.5 3zm0 1.6v.3L8 8.6l5.5-3.7v-.3h-11zm11 2.1L8.4 10.1a.75.75 0 0 1-.8 0L2.5 6.7v4.8h11V6.7z',
  chat: 'M3 2h10a2 2 0 0 1 2 2v6a2 2 0 0 1-2 2H7.5L4 14.8V12H3a2 2 0 0 1-2-2V4a2 2 0 0 1 2-2zm0 1.5a.5.5 0 0 0-.5.5v6a.5.5 0 0 0 .5.5h2.5v1.3l1.6-1.3H13a.5.5 0 0 0 .5-.5V4a.5.5 0 0 0-.5-.5H3z',
  phone: 'M4.2 1.5l2 .4.9 3-1.5 1.3a8.5 8.5 0 0 0 4.2 4.2l1.3-1.5 3 .9.4 2c.1.7-.4 1.4-1.1 1.5C7.7 13.9 2.1 8.3 2.7 2.6c.1-.7.8-1.2 1.5-1.1z',
  send: 'M1.5 2.2 15 8 1.5 13.8l1.6-5.1L9 8 3.1 7.3 1.5 2.2z',
  paperclip: 'M10.5 3.5 5 9a1.25 1.25 0 0 0 1.8 1.8l5-5a2.5 2.5 0 0 0-3.6-3.6l-5.3 5.3a3.75 3.75 0 0 0 5.3 5.3L13 8l1 1-4.8 4.8a5.25 5.25 0 0 1-7.4-7.4l5.3-5.3a4 4 0 0 1 5.7 5.7l-5 5a2.75 2.75 0 0 1-3.9-3.9l5.5-5.5 1.1 1.1z',
  gear: 'M8 5.5a2.5 2.5 0 1 0 0 5 2.5 2.5 0 0 0 0-5zM6.9 1h2.2l.4 1.8 1.1.6 1.7-.7 1.1 1.9-1.4 1.2v1.3l1.4 1.2-1.1 1.9-1.7-.7-1.1.6L9.1 15H6.9l-.4-1.8-1.1-.6-1.7.7-1.1-1.9L4 10.2V8.9L2.6 7.7l1.1-1.9 1.7.7 1.1-.6L6.9 1z',
};

export interface IconProps {
  name: IconName;
  /** Accessible name; without it the icon is decorative and hidden from screen readers. */
  title?: string;
  className?: string;
}

export function Icon({ name, title, className }: IconProps) {
  return (
    <svg
      className={['sb-icon', `sb-icon--${name}`, className].filter(Boolean).join(' ')}
      viewBox="0 0 16 16"
      width="12"
      height="12"
      fill="currentColor"
      role={title ? 'img' : undefined}
      aria-hidden={title ? undefined : true}
      aria-label={title}
      focusable="false"
    >
      <path fillRule="evenodd" d={PATHS[name]} />
    </svg>
  );
}
