package org.newsgraph.browser;

import org.openqa.selenium.WebElement;

final class NeighbourhoodDriver {
    static void clickExpandableNode(Browser browser, WebElement graph) {
        throw new UnsupportedOperationException("later");
    }
}
