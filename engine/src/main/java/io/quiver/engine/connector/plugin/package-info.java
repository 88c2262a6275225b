/**
 * Connectors written against the SPI ({@code io.quiver.spi}), found by {@code ServiceLoader}: the
 * driver registers each as a catalog ({@link io.quiver.engine.connector.plugin.PluginCatalog}),
 * every executor registers its reader ({@link io.quiver.engine.connector.plugin.PluginDataSource}).
 * A scan's splits travel as table handle properties ({@link io.quiver.engine.connector.plugin.SplitProperties}).
 */
package io.quiver.engine.connector.plugin;
