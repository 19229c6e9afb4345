/*
 * The neighbourhood page (NeighbourhoodPage): fetches /neighbourhood.json for the node named in
 * #graph's data-node and draws it with Cytoscape.js. A click on a node expands it (its own
 * neighbourhood, one step out, merged in); a double-click, or the link under the graph, opens its
 * page. Text from the data reaches the page only through textContent and Cytoscape's canvas
 * labels, never as markup.
 *
 * Hooks for browser tests: #graph gets data-state="loading" while it fetches, "ready" once a draw
 * (the first or an expansion) is laid out, "error" if a fetch failed; data-nodes is the number of
 * nodes drawn.
 */
(function () {
  'use strict';

  var container = document.getElementById('graph');
  if (!container) {
    return;
  }
  var note = document.getElementById('note');
  var detailsText = document.getElementById('details-text');
  var detailsLink = document.getElementById('details-link');
  var start = container.getAttribute('data-node');
  var source = container.getAttribute('data-source');
  var limits = null;
  var expanded = {};

  function say(el, text) {
    el.textContent = text;
  }

  function fail(text) {
    container.setAttribute('data-state', 'error');
    note.classList.add('error');
    say(note, text);
    note.hidden = false;
    say(detailsText, '');
  }

  if (typeof cytoscape !== 'function') {
    fail('The graph library did not load, so the graph cannot be drawn.');
    return;
  }

  /** Only a path on this server or an http(s) URL becomes a link (LinkRewriter gives nothing else). */
  function safeHref(href) {
    return typeof href === 'string' && (/^\/(?!\/)/.test(href) || /^https?:\/\//i.test(href)) ? href : null;
  }

  var cy = cytoscape({
    container: container,
    boxSelectionEnabled: false,
    minZoom: 0.05,
    maxZoom: 4,
    style: [
      { selector: 'node', style: {
        'label': 'data(label)', 'font-size': 9, 'color': '#333', 'text-valign': 'bottom', 'text-margin-y': 3,
        // Item labels only once zoomed in (or hovered, or selected): 250 headlines at once are a blur.
        'text-wrap': 'ellipsis', 'text-max-width': 150, 'min-zoomed-font-size': 11,
        'text-background-color': '#fcfcfc', 'text-background-opacity': 0.75, 'text-background-padding': 1,
        'width': 14, 'height': 14, 'background-color': '#4e79a7' } },
      { selector: 'node[kind = "provider"]', style: {
        'shape': 'round-rectangle', 'background-color': '#f28e2b', 'width': 26, 'height': 18, 'font-size': 11,
        'min-zoomed-font-size': 7 } },
      { selector: 'node[kind = "topic"]', style: {
        'shape': 'diamond', 'background-color': '#59a14f', 'width': 24, 'height': 24, 'font-size': 12,
        'font-weight': 'bold', 'min-zoomed-font-size': 6 } },
      // A node some of whose neighbours are left out.
      { selector: 'node[more > 0]', style: { 'border-width': 2, 'border-style': 'dashed', 'border-color': '#555' } },
      { selector: 'node[?start]', style: {
        'border-width': 5, 'border-style': 'solid', 'border-color': '#e15759', 'width': 32, 'height': 32,
        'font-size': 13, 'font-weight': 'bold', 'z-index': 10, 'min-zoomed-font-size': 0 } },
      { selector: 'node:selected', style: {
        'overlay-color': '#e15759', 'overlay-opacity': 0.3, 'overlay-padding': 4, 'min-zoomed-font-size': 0, 'z-index': 20 } },
      { selector: 'node.hover', style: { 'min-zoomed-font-size': 0, 'z-index': 20, 'font-size': 11 } },
      { selector: 'edge', style: {
        'width': 1, 'line-color': '#a9b8cc', 'target-arrow-color': '#a9b8cc', 'target-arrow-shape': 'triangle',
        'arrow-scale': 0.6, 'curve-style': 'bezier', 'opacity': 0.8 } },
      { selector: 'edge[kind = "publisher"]', style: { 'line-color': '#f5b574', 'target-arrow-color': '#f5b574' } },
      { selector: 'edge[kind = "about"]', style: { 'line-color': '#9fcf94', 'target-arrow-color': '#9fcf94' } },
      { selector: 'edge[kind = "broader"]', style: {
        'line-style': 'dashed', 'line-color': '#59a14f', 'target-arrow-color': '#59a14f', 'width': 2 } }
    ]
  });

  function url(node, depth) {
    return source + '?node=' + encodeURIComponent(node) + '&depth=' + depth;
  }

  function load(node, depth) {
    container.setAttribute('data-state', 'loading');
    return fetch(url(node, depth), { headers: { 'Accept': 'application/json' } }).then(function (response) {
      return response.json().then(function (body) {
        if (!response.ok) {
          throw new Error(body && typeof body.error === 'string' ? body.error : 'HTTP ' + response.status);
        }
        return body;
      }, function () {
        throw new Error('the server answered ' + response.status + ' without JSON');
      });
    });
  }

  /** Adds what is not drawn yet; the nodes the answer expanded get their count of what was left out. */
  function merge(data, around) {
    limits = data.limits || limits;
    var origin = around ? around.position() : { x: 0, y: 0 };
    var added = 0;
    cy.batch(function () {
      data.nodes.forEach(function (n, i) {
        var wasExpanded = n.step < data.depth;
        if (wasExpanded) {
          expanded[n.id] = true;
        }
        var existing = cy.getElementById(n.id);
        if (existing.nonempty()) {
          if (wasExpanded) {
            existing.data('more', n.more || 0);
          }
          return;
        }
        var angle = i * 2.399963;
        cy.add({
          group: 'nodes',
          data: {
            id: n.id, label: String(n.label), kind: n.kind, href: safeHref(n.href),
            date: typeof n.date === 'string' ? n.date : null, more: n.more || 0, start: n.id === start
          },
          position: { x: origin.x + 40 * Math.cos(angle), y: origin.y + 40 * Math.sin(angle) }
        });
        added++;
      });
      data.edges.forEach(function (e) {
        var id = e.kind + ' ' + e.source + ' ' + e.target;
        if (cy.getElementById(id).empty() && cy.getElementById(e.source).nonempty()
            && cy.getElementById(e.target).nonempty()) {
          cy.add({ group: 'edges', data: { id: id, source: e.source, target: e.target, kind: e.kind } });
        }
      });
    });
    return added;
  }

  function noteTruncation() {
    var left = 0;
    cy.nodes().forEach(function (n) {
      left += n.data('more') || 0;
    });
    if (left === 0) {
      note.hidden = true;
      say(note, '');
      return;
    }
    var how = limits ? ' (each node shows at most ' + limits.perNode + ' new neighbours, providers and topics first,'
        + ' then the newest items; at most ' + limits.total + ' nodes a view)' : '';
    say(note, 'Not every neighbour is drawn: ' + left + ' are left out' + how
        + '. A dashed border marks a node with more; a click on a node at the edge of the graph draws its own.');
    note.hidden = false;
  }

  function layout(first) {
    var l = cy.layout({
      name: 'cose', animate: false, randomize: first, fit: true, padding: 30,
      nodeRepulsion: function () { return 20000; }, idealEdgeLength: function () { return 80; },
      nodeOverlap: 10, gravity: 0.5, numIter: 1500
    });
    l.one('layoutstop', function () {
      container.setAttribute('data-nodes', String(cy.nodes().length));
      container.setAttribute('data-state', 'ready');
    });
    l.run();
  }

  function describe(node) {
    var d = node.data();
    var text = d.label + ' (' + d.kind + (d.date ? ', ' + d.date.substring(0, 10) : '') + ')';
    if (d.more > 0) {
      text += ': ' + d.more + ' more neighbours not drawn';
    }
    say(detailsText, text);
    if (d.href) {
      detailsLink.setAttribute('href', d.href);
      detailsLink.hidden = false;
    } else {
      detailsLink.removeAttribute('href');
      detailsLink.hidden = true;
    }
  }

  function expand(node) {
    var id = node.id();
    if (expanded[id]) {
      return;
    }
    expanded[id] = true;
    load(id, 1).then(function (data) {
      merge(data, node);
      noteTruncation();
      layout(false);
      describe(node);
    }).catch(function (e) {
      expanded[id] = false;
      fail('Could not expand this node: ' + e.message);
    });
  }

  // The graph, for the browser tests (and the console): they click nodes where Cytoscape drew them.
  container.newsgraphGraph = cy;
  container.newsgraphExpanded = expanded;

  cy.on('tap', 'node', function (event) {
    describe(event.target);
    expand(event.target);
  });

  cy.on('mouseover', 'node', function (event) {
    event.target.addClass('hover');
  });
  cy.on('mouseout', 'node', function (event) {
    event.target.removeClass('hover');
  });

  cy.on('dbltap', 'node', function (event) {
    var href = event.target.data('href');
    if (href) {
      window.location.assign(href);
    }
  });

  load(start, 2).then(function (data) {
    merge(data, null);
    noteTruncation();
    layout(true);
    var first = cy.getElementById(start);
    if (first.nonempty()) {
      first.select();
      describe(first);
    }
  }).catch(function (e) {
    fail('Could not load the neighbourhood: ' + e.message);
  });
}());
