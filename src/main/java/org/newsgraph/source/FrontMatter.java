package org.newsgraph.source;

/**
 * A Markdown file split at its front matter: the YAML between the '---' lines, the line the YAML
 * starts on (to report positions in file terms) and the Markdown body after it.
 */
public record FrontMatter(String yaml, int firstLine, String body) {
}
