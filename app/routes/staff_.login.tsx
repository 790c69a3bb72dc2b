// Staff sign-in. Plain HTML, no JavaScript. One message for a wrong email or a wrong password,
// and one for a lock, whether or not the address exists.
import {
  json,
  redirect,
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { GeneralErrorBoundary } from "~/kernel/ui/error-boundary";
import { ErrorSummary, TextField } from "~/kernel/forms/fields";
import { parseForm, type FieldErrors } from "~/kernel/forms/parse";
import { staffReturnPath } from "~/features/accounts/staff-nav";
import { signInWithPassword } from "~/features/accounts/sign-in.server";
import { loginSchema } from "~/features/accounts/staff.schema";
import staffCss from "~/styles/staff.css";
import type { RouteAccess } from "~/features/accounts/auth.server";
import { getT } from "~/kernel/http/i18n.server";
import { assertSameOrigin, clientOf, readFormData } from "~/kernel/http/request.server";
import { getSessionUser } from "~/kernel/session.server";

/** Public: this is where people without a session are sent. */
export const access: RouteAccess = {};
export const handle = { scripts: false };
export const links: LinksFunction = () => [{ rel: "stylesheet", href: staffCss }];

export async function loader({ request }: LoaderFunctionArgs) {
  const to = new URL(request.url).searchParams.get("to");
  if (await getSessionUser(request.headers.get("Cookie"))) throw redirect(staffReturnPath(to));
  return json({ title: getT(request).t("staff.login.title"), to: staffReturnPath(to) });
}

type ActionData = { errors: FieldErrors; values: { email: string }; minutes?: number };

export async function action({ request }: ActionFunctionArgs) {
  // A sign-in another site makes the browser send would put this browser in someone else's account.
  assertSameOrigin(request);
  const fd = await readFormData(request);
  const email = String(fd.get("email") ?? "");
  const parsed = parseForm(loginSchema, fd);
  if (!parsed.ok) return json<ActionData>({ errors: parsed.errors, values: { email } }, { status: 400 });
  const outcome = await signInWithPassword(parsed.data.email, parsed.data.password, {
    client: clientOf(request),
    cookieHeader: request.headers.get("Cookie"),
  });
  if (outcome.ok) {
    const headers = new Headers();
    for (const c of outcome.setCookies) headers.append("Set-Cookie", c);
    return redirect(staffReturnPath(parsed.data.to), { headers });
  }
  if (outcome.reason === "locked") {
    return json<ActionData>(
      { errors: { _form: "staff.login.locked" }, values: { email }, minutes: outcome.minutes },
      { status: 429 },
    );
  }
  return json<ActionData>({ errors: { _form: "staff.login.invalid" }, values: { email } }, { status: 401 });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.title} — Hài Lòng` : "Hài Lòng" },
];

export default function StaffLogin() {
  const { to } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>() as ActionData | undefined;
  const { t } = useTranslation();
  const errors = data?.errors ?? {};
  return (
    <div className="page page--narrow">
      <ErrorSummary
        errors={data?.errors}
        order={["email", "password"]}
        params={{ _form: { minutes: data?.minutes ?? 15 } }}
      />
      <h1>{t("staff.login.heading")}</h1>
      <p>{t("staff.login.intro")}</p>
      <Form method="post" noValidate>
        <input type="hidden" name="to" value={to} />
        <TextField
          name="email"
          type="email"
          label={t("staff.login.email")}
          autoComplete="username"
          defaultValue={data?.values.email}
          error={errors.email}
          required
        />
        <TextField
          name="password"
          type="password"
          label={t("staff.login.password")}
          autoComplete="current-password"
          error={errors.password}
          required
        />
        <button type="submit" className="button">
          {t("staff.login.submit")}
        </button>
      </Form>
      <p className="muted">{t("staff.login.forgot")}</p>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
