/* window-state.c — the main window opens as the last one was closed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Size, maximized state and the three pane dividers live in GSettings (gedit's way: track
 * the size while the window is shown, write it when the window goes). Without the schema
 * (an uninstalled build run without GSETTINGS_SCHEMA_DIR) g_settings_new would abort, so
 * the window then simply keeps the defaults of window.ui.
 */
#define G_LOG_DOMAIN "unattend-editor"

#include "window-private.h"

static GSettings *
window_settings_new (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema == NULL)
    {
      g_debug ("settings schema %s not found: the window state is not kept", APP_ID);
      return NULL;
    }
  return g_settings_new_full (schema, NULL, NULL);
}

static void
size_allocate_cb (GtkWidget     *widget,
                  GtkAllocation *allocation,
                  UeWindow      *self)
{
  /* a maximized size is the screen's: keep the one to unmaximize to */
  if (!gtk_window_is_maximized (GTK_WINDOW (self)))
    gtk_window_get_size (GTK_WINDOW (self), &self->state_width, &self->state_height);
  self->state_shown = TRUE;
}

static const struct
{
  const char *key;
  gsize       offset;
} paned_keys[] = {
  { "messages-position", G_STRUCT_OFFSET (UeWindow, messages_paned) },
  { "catalog-position", G_STRUCT_OFFSET (UeWindow, catalog_paned) },
  { "properties-position", G_STRUCT_OFFSET (UeWindow, properties_paned) },
};

#define PANED(self, i) G_STRUCT_MEMBER (GtkPaned *, self, paned_keys[i].offset)

void
_ue_window_restore_state (UeWindow *self)
{
  self->settings = window_settings_new ();
  if (self->settings != NULL)
    {
      self->state_width = g_settings_get_int (self->settings, "window-width");
      self->state_height = g_settings_get_int (self->settings, "window-height");
      gtk_window_set_default_size (GTK_WINDOW (self), self->state_width, self->state_height);
      if (g_settings_get_boolean (self->settings, "window-maximized"))
        gtk_window_maximize (GTK_WINDOW (self));
      for (guint i = 0; i < G_N_ELEMENTS (paned_keys); i++)
        {
          int position = g_settings_get_int (self->settings, paned_keys[i].key);

          if (position >= 0)
            gtk_paned_set_position (PANED (self, i), position);
        }
    }
  g_signal_connect (self, "size-allocate", G_CALLBACK (size_allocate_cb), self);
}

void
_ue_window_save_state (UeWindow *self)
{
  /* a window destroyed before it was ever shown has no state of its own; dispose runs
   * more than once, so the first call also drops the settings */
  g_autoptr(GSettings) settings = g_steal_pointer (&self->settings);

  if (settings == NULL || !self->state_shown)
    return;
  /* out of the schema's range g_settings_set_int is a critical */
  g_settings_set_int (settings, "window-width", CLAMP (self->state_width, 1, 100000));
  g_settings_set_int (settings, "window-height", CLAMP (self->state_height, 1, 100000));
  g_settings_set_boolean (settings, "window-maximized", gtk_window_is_maximized (GTK_WINDOW (self)));
  for (guint i = 0; i < G_N_ELEMENTS (paned_keys); i++)
    g_settings_set_int (settings, paned_keys[i].key,
                        CLAMP (gtk_paned_get_position (PANED (self, i)), 0, 100000));
  /* the last window may go with the process right after this */
  g_settings_sync ();
}
