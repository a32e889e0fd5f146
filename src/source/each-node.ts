// Every node of a body's tree, each before its children, in document order.
// unist-util-visit does the same but builds the list of ancestors for every
// node, which the checks never read (a report has thousands of nodes).
import type { Nodes } from 'mdast';

export function eachNode(node: Nodes, fn: (node: Nodes) => void): void {
  fn(node);
  if ('children' in node) for (const child of node.children) eachNode(child, fn);
}
