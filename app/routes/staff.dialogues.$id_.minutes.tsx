// Staff: the minutes of a held session — opening details, chair's conclusion, follow-up actions,
// the signed scan, and publication. The preview is exactly what the public will read.
import {
  json,
  redirect,
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { isDbId } from "~/kernel/db/ids";
import { MinutesDocument } from "~/features/dialogue/components/minutes-document";
import { MinutesEditor } from "~/features/dialogue/components/minutes-editor";
import { StaffTabs } from "~/features/dialogue/components/staff-tabs";
import { buildPublicMinutes, minutesPublishProblems } from "~/features/dialogue/dialogue-minutes";
import { agencyUnits } from "~/features/dialogue/dialogue-choices.server";
import { agencyPrefix } from "~/kernel/agency/agency.server";
import { agencyPath } from "~/kernel/agency/agency-path";
import { loadMinutesSource, minutesVersions } from "~/features/dialogue/dialogue-minutes.server";
import { SCAN_MAX_BYTES, scanInfo } from "~/features/dialogue/dialogue-minutes-scan.server";
import { getSession } from "~/features/dialogue/dialogue-session.server";
import { sessionTitle } from "~/features/dialogue/dialogue-view";
import { type RouteAccess } from "~/features/accounts/auth.server";
import { requireStaff } from "~/kernel/http/require-staff.server";
import { runMinutesAction } from "~/features/dialogue/dialogue-minutes-actions.server";
import { getT } from "~/kernel/http/i18n.server";
import { clientOf } from "~/kernel/http/request.server";
import { parseForm as parseUpload } from "~/kernel/http/upload.server";
import css from "~/styles/dialogue.css";

export const access: RouteAccess = { loader: ["admin", "office"], action: ["admin", "office"] };
export const links: LinksFunction = () => [{ rel: "stylesheet", href: css }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireStaff(request, access.loader!);
  const { t, lng } = getT(request);
  const id = Number(params.id);
  // The account's agency's session only: another agency's id is 404 (docs/rules/agencies.md).
  const src = isDbId(id) ? await loadMinutesSource(user.agencyId, id) : null;
  if (!src) throw new Response("Not found", { status: 404 });
  const [versions, scan, units, prefix] = await Promise.all([
    minutesVersions(user.agencyId, id),
    scanInfo(user.agencyId, id),
    agencyUnits(user.agencyId, lng),
    agencyPrefix(user.agencyId),
  ]);
  const next = (versions[0]?.version ?? 0) + 1;
  return json({
    title: t("dialogue.staff.minutes.title"),
    sessionTitle: sessionTitle({ title_vi: src.session.titleVi, title_en: src.session.titleEn }, lng),
    sessionId: id,
    publicMinutesPath: agencyPath(prefix, `/dialogues/${id}/minutes`),
    role: user.role,
    source: src,
    preview: buildPublicMinutes(src, next, new Date()),
    problems: minutesPublishProblems(src),
    versions: versions.map((v) => ({ version: v.version, publishedAt: v.published_at.toISOString() })),
    scan,
    units: units.map((u) => ({ id: u.id, name: u.name })),
  });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Hài Lòng" }];

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireStaff(request, access.action!);
  const id = Number(params.id);
  if (!(await getSession(user.agencyId, id))) throw new Response("Not found", { status: 404 });
  // The shared reader: a scan over the limit ends in a message, never a crash or a full read.
  // Text fields may hold 10 000 Vietnamese characters (up to 4 bytes each) before validation.
  const form = await parseUpload(request, {
    maxFileBytes: SCAN_MAX_BYTES,
    maxFiles: 1,
    maxFieldBytes: 64 * 1024,
    hardCapBytes: SCAN_MAX_BYTES + 256 * 1024,
  });
  if (form.tooLarge) return json({ form: "scan", errors: { scan: "dialogue.errors.scanTooLarge" }, values: {} }, 413);
  if (form.unreadable) return json({ form: "unknown", errors: { _form: "dialogue.errors.invalid" }, values: {} }, 400);
  // Each field's last value, as a browser's form sends it once.
  const fields = Object.fromEntries([...form.fields].map(([name, values]) => [name, values[values.length - 1]]));
  const scan = form.files.find((f) => f.field === "scan") ?? null;
  const out = await runMinutesAction({ client: clientOf(request), user }, id, {
    intent: fields.intent ?? "",
    fields,
    scan,
  });
  if (out.notFound) throw new Response("Not found", { status: 404 });
  if (out.ok) return redirect(`/staff/dialogues/${id}/minutes?done=${out.form}`, { status: 303 });
  return json({ form: out.form, errors: out.errors ?? {}, values: out.values ?? {} }, 400);
}

export default function StaffMinutes() {
  const d = useLoaderData<typeof loader>();
  const a = useActionData<typeof action>();
  const [params] = useSearchParams();
  const { t } = useTranslation();
  const done = params.get("done");
  return (
    <div className="page">
      <StaffTabs sessionId={d.sessionId} role={d.role} title={d.sessionTitle} />
      <h1 className="no-print">{t("dialogue.staff.minutes.heading")}</h1>
      {done ? (
        <p className="notice notice--ok no-print" role="status">
          {t(`dialogue.staff.minutes.done.${done}`)}
        </p>
      ) : null}
      <MinutesEditor data={d} form={a?.form ?? null} errors={a?.errors} values={a?.values} />
      <h2 className="no-print">{t("dialogue.staff.minutes.preview")}</h2>
      <MinutesDocument m={d.preview} />
    </div>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/kernel/ui/error-boundary";
