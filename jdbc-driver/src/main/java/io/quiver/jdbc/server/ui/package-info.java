/**
 * The web UI the server serves under {@code /ui} (behind the same authentication as JDBC): static
 * pages shipped in the jar ({@link io.quiver.jdbc.server.ui.UiAssets}, no CDN) that read JSON from
 * {@code /ui/api} ({@link io.quiver.jdbc.server.ui.UiApi}), made from the engine's runtime history
 * (the event bus and what {@code system.runtime} shows). The shell's progress line with
 * {@code --url} reads {@code /ui/api/progress}.
 */
package io.quiver.jdbc.server.ui;
