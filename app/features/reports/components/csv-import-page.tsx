// The page of a register's CSV import (served counts, late dossiers): a file or pasted text, and
// every wrong line named. The words are the register's own, under `keys` (import, importIntro,
// importErrors, line, file, paste, importSubmit).
import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorList, TextArea } from "~/kernel/forms/fields";
import type { CsvLineError } from "~/kernel/files/csv-read";

export function CsvImportPage({
  keys,
  back,
  result,
}: {
  keys: string;
  back: { to: string; label: string };
  /** What the import answered: the wrong lines and the text as pasted. */
  result?: { errors: CsvLineError[]; text: string };
}) {
  const { t } = useTranslation();
  return (
    <div className="page page--narrow">
      <p>
        <Link to={back.to}>{back.label}</Link>
      </p>
      <h1>{t(`${keys}.import`)}</h1>
      <p>{t(`${keys}.importIntro`)}</p>
      <ErrorList
        title={t(`${keys}.importErrors`)}
        items={(result?.errors ?? []).map((e) => ({
          text: e.line ? t(`${keys}.line`, { line: e.line, message: t(e.key, { code: e.code ?? "" }) }) : t(e.key),
        }))}
      />
      <Form method="post" encType="multipart/form-data" noValidate>
        <div className="field">
          <label htmlFor="file">{t(`${keys}.file`)}</label>
          <input type="file" id="file" name="file" accept=".csv,text/csv,text/plain" />
        </div>
        <TextArea name="text" label={t(`${keys}.paste`)} defaultValue={result?.text} rows={8} />
        <button type="submit" className="button">
          {t(`${keys}.importSubmit`)}
        </button>
      </Form>
    </div>
  );
}
