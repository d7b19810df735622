/* test-window-state.c — the main window opens as the last one was closed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs the real UeWindow under Xvfb with the keyfile GSettings backend in a private
 * XDG_CONFIG_HOME, so what a closed window saved can be read back from disk as the next
 * process would. Xvfb has no window manager: a resize is applied as asked.
 */
#define G_LOG_DOMAIN "test-window-state"

#include <glib/gstdio.h>
#include <gtk/gtk.h>

#include "window-private.h"

static char *config_home;

static gboolean
schema_installed (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = source ? g_settings_schema_source_lookup (source, APP_ID, TRUE) : NULL;

  return schema != NULL;
}

/* shows the window and waits until X has given it the size asked for */
static void
show_at_size (UeWindow *window,
              int       width,
              int       height)
{
  gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  int w = 0, h = 0;

  gtk_widget_show (GTK_WIDGET (window));
  if (width > 0)
    gtk_window_resize (GTK_WINDOW (window), width, height);
  while (g_get_monotonic_time () < end)
    {
      while (gtk_events_pending ())
        gtk_main_iteration ();
      gtk_window_get_size (GTK_WINDOW (window), &w, &h);
      if (gtk_widget_get_mapped (GTK_WIDGET (window)) && window->state_shown &&
          (width <= 0 || (w == width && h == height)))
        return;
      g_usleep (20000);
    }
  g_error ("the window never became %dx%d (it is %dx%d)", width, height, w, h);
}

static void
drain (void)
{
  for (int i = 0; i < 20; i++)
    {
      while (gtk_events_pending ())
        gtk_main_iteration ();
      g_usleep (10000);
    }
}

static void
test_restore (void)
{
  g_autofree char *keyfile_path = g_build_filename (config_home, "glib-2.0", "settings", "keyfile", NULL);
  g_autoptr(GKeyFile) keyfile = g_key_file_new ();
  g_autoptr(GError) error = NULL;
  const char *group = "org/unattendeditor/UnattendEditor";
  UeWindow *window;
  int width, height;

  if (!schema_installed ())
    {
      g_test_skip ("the org.unattendeditor.UnattendEditor schema is not compiled (GSETTINGS_SCHEMA_DIR)");
      return;
    }

  window = g_object_new (UE_TYPE_WINDOW, NULL);
  show_at_size (window, 1010, 640);
  gtk_paned_set_position (window->catalog_paned, 333);
  gtk_paned_set_position (window->messages_paned, 401);
  drain ();
  gtk_widget_destroy (GTK_WIDGET (window));

  /* on disk, as the next run reads it */
  g_assert_true (g_key_file_load_from_file (keyfile, keyfile_path, G_KEY_FILE_NONE, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_key_file_get_integer (keyfile, group, "window-width", NULL), ==, 1010);
  g_assert_cmpint (g_key_file_get_integer (keyfile, group, "window-height", NULL), ==, 640);
  g_assert_cmpint (g_key_file_get_integer (keyfile, group, "catalog-position", NULL), ==, 333);
  g_assert_cmpint (g_key_file_get_integer (keyfile, group, "messages-position", NULL), ==, 401);

  window = g_object_new (UE_TYPE_WINDOW, NULL);
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 1010);
  g_assert_cmpint (height, ==, 640);
  show_at_size (window, 0, 0);
  drain ();
  gtk_window_get_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 1010);
  g_assert_cmpint (height, ==, 640);
  g_assert_cmpint (gtk_paned_get_position (window->catalog_paned), ==, 333);
  g_assert_cmpint (gtk_paned_get_position (window->messages_paned), ==, 401);
  gtk_widget_destroy (GTK_WIDGET (window));
}

static void
test_no_schema (void)
{
  g_autofree char *empty = NULL;
  g_autofree char *saved = g_strdup (g_getenv ("GSETTINGS_SCHEMA_DIR"));
  int width, height;

  if (g_test_subprocess ())
    {
      UeWindow *window;

      if (schema_installed ())
        {
          g_test_skip ("the schema is installed on this system");
          return;
        }
      /* no settings: the defaults of window.ui, and no critical (G_DEBUG=fatal-criticals) */
      window = g_object_new (UE_TYPE_WINDOW, NULL);
      show_at_size (window, 0, 0);
      gtk_window_get_size (GTK_WINDOW (window), &width, &height);
      g_assert_cmpint (width, ==, 1260);
      g_assert_cmpint (height, ==, 780);
      gtk_widget_destroy (GTK_WIDGET (window));
      return;
    }

  empty = g_dir_make_tmp ("ue-no-schema-XXXXXX", NULL);
  g_assert_nonnull (empty);
  g_setenv ("GSETTINGS_SCHEMA_DIR", empty, TRUE);
  g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
  if (saved != NULL)
    g_setenv ("GSETTINGS_SCHEMA_DIR", saved, TRUE);
  else
    g_unsetenv ("GSETTINGS_SCHEMA_DIR");
  g_rmdir (empty);
  g_test_trap_assert_passed ();
}

int
main (int   argc,
      char *argv[])
{
  int status;

  /* before GTK or GSettings start: the backend is chosen once per process */
  config_home = g_dir_make_tmp ("ue-window-state-XXXXXX", NULL);
  g_assert_nonnull (config_home);
  g_setenv ("XDG_CONFIG_HOME", config_home, TRUE);
  g_setenv ("GSETTINGS_BACKEND", "keyfile", TRUE);

  gtk_test_init (&argc, &argv, NULL);
  g_test_add_func ("/gui/window-state/restore", test_restore);
  g_test_add_func ("/gui/window-state/no-schema", test_no_schema);
  status = g_test_run ();

  {
    g_autofree char *keyfile = g_build_filename (config_home, "glib-2.0", "settings", "keyfile", NULL);
    g_autofree char *settings = g_build_filename (config_home, "glib-2.0", "settings", NULL);
    g_autofree char *glib = g_build_filename (config_home, "glib-2.0", NULL);

    g_remove (keyfile);
    g_rmdir (settings);
    g_rmdir (glib);
    g_rmdir (config_home);
  }
  g_free (config_home);
  return status;
}
