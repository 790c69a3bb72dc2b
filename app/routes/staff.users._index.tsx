// The admin's list of staff accounts, with who is being made to wait at sign-in and a button
// that ends the wait (docs/security/limits.md).
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { clientOf, readFormData } from "~/kernel/http/request.server";
import { unlockSchema } from "~/features/accounts/staff.schema";
import { GeneralErrorBoundary } from "~/kernel/ui/error-boundary";
import { TableWrap } from "~/kernel/forms/fields";
import { formatDateTime } from "~/kernel/time/clock";
import type { Lang } from "~/kernel/i18n/i18n";
import { signInWaits, unlockSignIn } from "~/features/accounts/sign-in-admin.server";
import { listUsers } from "~/features/accounts/staff-admin.server";
import { type RouteAccess } from "~/features/accounts/auth.server";
import { requireStaff } from "~/kernel/http/require-staff.server";
import { getT } from "~/kernel/http/i18n.server";

export const access: RouteAccess = { loader: ["admin"], action: ["admin"] };

export async function loader({ request }: LoaderFunctionArgs) {
  const me = await requireStaff(request, access.loader!);
  const { t, lng } = getT(request);
  const users = await listUsers(me.agencyId);
  const waits = await signInWaits(users);
  const shown = Object.fromEntries(
    Object.entries(waits).map(([id, w]) => [
      id,
      {
        until: w.until ? formatDateTime(w.until, lng as Lang) : null,
        attempts: w.attempts,
        browsersWaiting: w.browsersWaiting,
      },
    ]),
  );
  return json({ title: t("staff.users.title"), users, waits: shown });
}

export async function action({ request }: ActionFunctionArgs) {
  const me = await requireStaff(request, access.action!);
  const fd = await readFormData(request);
  const parsed = unlockSchema.safeParse({ intent: fd.get("intent"), id: fd.get("id") });
  if (!parsed.success) return json({ error: "staff.errors.invalid", email: null }, { status: 400 });
  const id = parsed.data.id;
  const r = await unlockSignIn(id, me, clientOf(request));
  if (!r.ok) return json({ error: r.error, email: null }, { status: 404 });
  const user = (await listUsers(me.agencyId)).find((u) => u.id === id);
  return json({ error: null, email: user?.email ?? "" });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.title} — Hài Lòng` : "Hài Lòng" },
];

export default function Users() {
  const { users, waits } = useLoaderData<typeof loader>();
  const done = useActionData<typeof action>();
  const { t } = useTranslation();
  return (
    <div className="page">
      {done?.email ? (
        <p className="notice notice--ok" role="status">
          {t("limits.users.unlocked", { email: done.email })}
        </p>
      ) : null}
      {done?.error ? (
        <p className="notice notice--warn" role="alert">
          {t(done.error)}
        </p>
      ) : null}
      <h1>{t("staff.users.heading")}</h1>
      <p>
        <Link to="/staff/users/new" className="button">
          {t("staff.users.new")}
        </Link>
      </p>
      <TableWrap label={t("staff.users.heading")}>
        <table>
          <caption className="visually-hidden">{t("staff.users.caption", { count: users.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("staff.users.email")}</th>
              <th scope="col">{t("staff.users.name")}</th>
              <th scope="col">{t("staff.users.role")}</th>
              <th scope="col">{t("staff.users.unit")}</th>
              <th scope="col">{t("staff.users.status")}</th>
              <th scope="col">{t("limits.users.signIn")}</th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.id} className={u.active ? undefined : "status-off"}>
                <td>
                  <Link to={`/staff/users/${u.id}`}>{u.email}</Link>
                </td>
                <td>{u.name}</td>
                <td>{t(`staff.roles.${u.role}`)}</td>
                <td>{u.unit_code ?? "—"}</td>
                <td>
                  {u.active ? t("staff.users.active") : t("staff.users.disabled")}
                  {u.active && u.must_change_password ? ` · ${t("staff.users.mustChange")}` : ""}
                </td>
                <td>
                  {waits[u.id] ? (
                    <>
                      {waits[u.id].until ? (
                        <span className="tag">
                          {t("limits.users.waiting", { at: waits[u.id].until, count: waits[u.id].attempts })}
                        </span>
                      ) : null}
                      {!waits[u.id].until && waits[u.id].attempts ? (
                        <span>{t("limits.users.attempts", { count: waits[u.id].attempts })}</span>
                      ) : null}
                      {waits[u.id].browsersWaiting ? (
                        <span> {t("limits.users.browsersWaiting", { count: waits[u.id].browsersWaiting })}</span>
                      ) : null}
                      <Form method="post">
                        <input type="hidden" name="intent" value="unlock" />
                        <input type="hidden" name="id" value={u.id} />
                        <button
                          type="submit"
                          className="button button--secondary"
                          aria-label={t("limits.users.unlockFor", { email: u.email })}
                        >
                          {t("limits.users.unlock")}
                        </button>
                      </Form>
                    </>
                  ) : (
                    "—"
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      <p className="muted">{t("limits.users.hint")}</p>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
