// A text the staff write in both languages: `<name>_vi` then `<name>_en`, Vietnamese first as
// every word the portal shows. One line each, or with `rows` a text area each.
import { TextArea, TextField } from "~/kernel/forms/fields";

export function LangPair<N extends string>({
  name,
  labels,
  values,
  errors,
  rows,
  maxLength,
}: {
  name: N;
  labels: { vi: string; en: string };
  values: { [K in `${N}_vi` | `${N}_en`]?: string };
  errors: Record<string, string | undefined>;
  rows?: number;
  maxLength?: number;
}) {
  return (
    <>
      {(["vi", "en"] as const).map((lang) => {
        const key = `${name}_${lang}` as const;
        const f = { name: key, label: labels[lang], defaultValue: values[key], error: errors[key] };
        return rows ? (
          <TextArea key={key} {...f} rows={rows} />
        ) : (
          <TextField key={key} autoComplete="off" {...f} maxLength={maxLength} />
        );
      })}
    </>
  );
}
