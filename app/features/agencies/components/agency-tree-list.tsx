// Nested lists of agencies, each a link to its home page: a screen reader announces each level
// as a list inside the item above it, and no JavaScript is needed.
import type { AgencyTreeNode } from "../agency-tree";

export function AgencyTreeList({ nodes }: { nodes: AgencyTreeNode[] }) {
  if (nodes.length === 0) return null;
  return (
    <ul>
      {nodes.map((n) => (
        <li key={n.id}>
          <a href={n.href}>{n.name}</a>
          <AgencyTreeList nodes={n.children} />
        </li>
      ))}
    </ul>
  );
}
