/* application.c — the Unattend Editor GtkApplication
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "unattend-editor"

#include <glib/gi18n.h>

#include "application.h"
#include "window.h"

struct _UeApplication
{
  GtkApplication parent_instance;
};

G_DEFINE_FINAL_TYPE (UeApplication, ue_application, GTK_TYPE_APPLICATION)

static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static const GActionEntry app_entries[] = {
  { "quit", quit_activated },
};

static void
ue_application_startup (GApplication *app)
{
  G_APPLICATION_CLASS (ue_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_entries, G_N_ELEMENTS (app_entries), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit",
                                         (const char *[]) { "<Ctrl>q", NULL });
}

static void
ue_application_activate (GApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    window = GTK_WINDOW (ue_window_new (UE_APPLICATION (app)));
  gtk_window_present (window);
}

static void
ue_application_open (GApplication  *app,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  for (int i = 0; i < n_files; i++)
    {
      UeWindow *window = ue_window_new (UE_APPLICATION (app));
      ue_window_open_file (window, files[i]);
      gtk_window_present (GTK_WINDOW (window));
    }
}

static void
ue_application_class_init (UeApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  app_class->startup = ue_application_startup;
  app_class->activate = ue_application_activate;
  app_class->open = ue_application_open;
}

static void
ue_application_init (UeApplication *self)
{
}

UeApplication *
ue_application_new (void)
{
  return g_object_new (UE_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE,
                       "resource-base-path", "/org/unattendeditor/UnattendEditor",
                       NULL);
}
