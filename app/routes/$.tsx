// Any path no other route matches: a 404 rendered by the root error boundary in the reader's language.
import { GeneralErrorBoundary } from "~/kernel/ui/error-boundary";

export async function loader() {
  throw new Response("Not found", { status: 404 });
}

export const handle = { scripts: false };

export default function NotFound() {
  return null;
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
