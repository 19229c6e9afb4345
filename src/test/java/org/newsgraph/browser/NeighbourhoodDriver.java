package org.newsgraph.browser;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Clicks nodes of the neighbourhood view where Cytoscape drew them, as a person would. */
final class NeighbourhoodDriver {

    private NeighbourhoodDriver() {
    }

    /**
     * Clicks, one after another, the drawn nodes not yet expanded (items first) until
     * a click makes the graph grow; fails if none does.
     */
    @SuppressWarnings("unchecked")
    static void clickExpandableNode(Browser browser, WebElement graph) {
        List<Map<String, Object>> candidates = (List<Map<String, Object>>) ((JavascriptExecutor) browser.driver).executeScript("""
                var c = arguments[0], cy = c.newsgraphGraph;
                return cy.nodes().filter(function (n) { return !c.newsgraphExpanded[n.id()]; })
                    .sort(function (a, b) { return (b.data('kind') === 'item') - (a.data('kind') === 'item'); })
                    .map(function (n) { var p = n.renderedPosition(); return {id: n.id(), x: p.x, y: p.y}; });
                """, graph);
        int width = graph.getSize().getWidth();
        int height = graph.getSize().getHeight();
        for (Map<String, Object> c : candidates) {
            int x = ((Number) c.get("x")).intValue();
            int y = ((Number) c.get("y")).intValue();
            if (x < 5 || y < 5 || x > width - 5 || y > height - 5) {
                continue;
            }
            int before = Integer.parseInt(graph.getAttribute("data-nodes"));
            new Actions(browser.driver).moveToElement(graph, x - width / 2, y - height / 2).click().perform();
            try {
                new WebDriverWait(browser.driver, Duration.ofSeconds(5))
                        .until(d -> Integer.parseInt(graph.getAttribute("data-nodes")) > before);
                return;
            } catch (TimeoutException e) {
                // that node had nothing more to draw: try the next
            }
        }
        throw new AssertionError("no click on a node made the neighbourhood grow (" + candidates.size() + " tried)");
    }
}
