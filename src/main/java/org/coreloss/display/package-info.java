/** Turns domain objects into Jupyter MIME bundles (image/png, image/svg+xml, text/html, text/plain). */
package org.coreloss.display;
