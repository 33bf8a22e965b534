import Graph from 'graphology';
import Sigma from 'sigma';
import { useEffect, useRef } from 'react';
import type { Connection } from '../api/community';

const KIND_COLOURS: Record<string, string> = {
  innovator: '#1b7f5b',
  funder: '#b8860b',
  policymaker: '#6a3d9a',
  entrepreneur: '#1f78b4',
  lecturer: '#e31a1c',
  'partner-organisation': '#555555',
};

/**
 * The network around one person drawn with sigma.js (WebGL) from a graphology graph: the person in
 * the middle, each connection on a circle around them, nearer and larger the stronger the tie.
 */
export function NetworkGraph({ me, meLabel, connections, label, unnamed }: { me: string; meLabel: string; connections: Connection[]; label: string; unnamed: string }) {
  const container = useRef<HTMLDivElement>(null);
  const caption = useRef<HTMLElement>(null);

  useEffect(() => {
    if (!container.current || connections.length === 0) return;
    const graph = new Graph();
    graph.addNode(me, { x: 0, y: 0, size: 14, label: meLabel, color: '#0b4f6c' });
    const strongest = Math.max(1, ...connections.map((c) => c.weight));
    connections.forEach((connection, i) => {
      // Starting off the axes keeps the drawing two-dimensional with one or two ties (sigma scales by the extent).
      const angle = Math.PI / 4 + (2 * Math.PI * i) / Math.max(1, connections.length);
      const distance = 2 - connection.weight / strongest;
      if (!graph.hasNode(connection.personId)) {
        graph.addNode(connection.personId, {
          x: Math.cos(angle) * distance,
          y: Math.sin(angle) * distance,
          size: 5 + (5 * connection.weight) / strongest,
          label: connection.displayName ?? unnamed,
          color: KIND_COLOURS[connection.kind ?? ''] ?? '#888888',
        });
      }
      if (!graph.hasEdge(me, connection.personId)) graph.addEdge(me, connection.personId, { size: 1 + (3 * connection.weight) / strongest, color: '#9fb3c8' });
    });
    let renderer: Sigma | undefined;
    try {
      renderer = new Sigma(graph, container.current);
    } catch (error) {
      // Without WebGL there is no drawing; the table of connections below still says everything.
      if (caption.current) caption.current.textContent = (error as Error).message;
    }
    return () => renderer?.kill();
  }, [me, meLabel, connections, unnamed]);

  return (
    <figure className="network-figure">
      <div ref={container} className="network-graph" role="img" aria-label={label} data-nodes={connections.length + 1} />
      <figcaption ref={caption} className="hint" />
    </figure>
  );
}
