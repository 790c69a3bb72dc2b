import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import {
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLoaderData,
  useMatches,
  useRouteLoaderData,
} from "@remix-run/react";
import type { ReactNode } from "react";
import { SiteFooter, SiteHeader } from "~/kernel/ui/layout";
import { useNonce } from "~/kernel/ui/nonce";
import { GeneralErrorBoundary } from "~/kernel/ui/error-boundary";
import type { Lang } from "~/kernel/i18n/i18n";
import { getLang } from "~/kernel/http/i18n.server";
import styles from "~/styles/app.css";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: styles },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const meta: MetaFunction = () => [{ title: "Hài Lòng" }];

export async function loader({ request }: LoaderFunctionArgs) {
  return json({ lang: getLang(request) }, { headers: { Vary: "Cookie, Accept-Language" } });
}

/** A route that works as plain HTML sets `handle = { scripts: false }`; no JavaScript is sent then. */
export interface RouteHandle {
  scripts?: boolean;
}

function useWantsScripts() {
  return useMatches().every((m) => (m.handle as RouteHandle | undefined)?.scripts !== false);
}

export function Layout({ children }: { children: ReactNode }) {
  const data = useRouteLoaderData<typeof loader>("root");
  const lang: Lang = data?.lang ?? "vi";
  const nonce = useNonce();
  const scripts = useWantsScripts();
  return (
    <html lang={lang}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <SiteHeader lang={lang} />
        <main id="main" tabIndex={-1}>
          {children}
        </main>
        <SiteFooter />
        {scripts ? (
          <>
            <ScrollRestoration nonce={nonce} />
            <Scripts nonce={nonce} />
          </>
        ) : null}
      </body>
    </html>
  );
}

export default function App() {
  useLoaderData<typeof loader>();
  return <Outlet />;
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
