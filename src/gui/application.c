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

  /* command-line catalog source for the windows opened at start-up */
  char *image;
  char *catalog;
  gboolean recovery_offered;
};

G_DEFINE_FINAL_TYPE (UeApplication, ue_application, GTK_TYPE_APPLICATION)

static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  /* closing each window asks about its unsaved changes; the last one gone ends the app */
  GList *windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (user_data)));

  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
  g_list_free (windows);
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (user_data));
  GtkWidget *dialog;
  /* CC BY 4.0 asks for attribution wherever the default catalog's facts ship */
  const char *catalog_credits[] = {
    "Microsoft, Windows unattend reference documentation (CC BY 4.0) https://creativecommons.org/licenses/by/4.0/",
    NULL
  };

  dialog = g_object_new (GTK_TYPE_ABOUT_DIALOG,
                         "transient-for", window,
                         "modal", TRUE,
                         "program-name", _("Unattend Editor"),
                         "logo-icon-name", "text-x-generic",
                         "version", PACKAGE_VERSION,
                         "comments", _("Edit Windows answer files (unattend.xml, autounattend.xml, sysprep.xml)."),
                         "license-type", GTK_LICENSE_GPL_3_0,
                         NULL);
  gtk_about_dialog_add_credit_section (GTK_ABOUT_DIALOG (dialog), _("Default catalog facts"), catalog_credits);
  g_signal_connect (dialog, "response", G_CALLBACK (gtk_widget_destroy), NULL);
  gtk_widget_show (dialog);
}

static const GActionEntry app_entries[] = {
  { "quit", quit_activated },
  { "about", about_activated },
};

static const struct
{
  const char *action;
  const char *accels[3];
} accels[] = {
  { "app.quit", { "<Ctrl>q", NULL } },
  { "win.new", { "<Ctrl>n", NULL } },
  { "win.open", { "<Ctrl>o", NULL } },
  { "win.save", { "<Ctrl>s", NULL } },
  { "win.save-as", { "<Ctrl><Shift>s", NULL } },
  { "win.undo", { "<Ctrl>z", NULL } },
  { "win.redo", { "<Ctrl><Shift>z", "<Ctrl>y", NULL } },
  { "win.find", { "<Ctrl>f", NULL } },
  { "win.validate", { "F7", NULL } },
  { "win.quick-setup", { "<Ctrl><Shift>q", NULL } },
};

static void
ue_application_startup (GApplication *app)
{
  G_APPLICATION_CLASS (ue_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_entries, G_N_ELEMENTS (app_entries), app);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (app), accels[i].action, accels[i].accels);
}

GtkWindow *
ue_application_new_window (UeApplication *self)
{
  UeWindow *window;

  g_return_val_if_fail (UE_IS_APPLICATION (self), NULL);

  window = ue_window_new (self);
  gtk_window_present (GTK_WINDOW (window));
  if (self->image != NULL)
    ue_window_load_image (window, self->image);
  else if (self->catalog != NULL)
    ue_window_load_catalog (window, self->catalog);
  /* once per run: what an earlier run left behind */
  if (!self->recovery_offered)
    {
      self->recovery_offered = TRUE;
      ue_window_offer_recovery (window);
    }
  return GTK_WINDOW (window);
}

static void
ue_application_activate (GApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    ue_application_new_window (UE_APPLICATION (app));
  else
    gtk_window_present (window);
}

static int
ue_application_handle_local_options (GApplication *app,
                                     GVariantDict *options)
{
  UeApplication *self = UE_APPLICATION (app);

  g_variant_dict_lookup (options, "image", "^ay", &self->image);
  g_variant_dict_lookup (options, "catalog", "^ay", &self->catalog);
  return -1;
}

static void
ue_application_open (GApplication  *app,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  for (int i = 0; i < n_files; i++)
    {
      UeWindow *window = UE_WINDOW (ue_application_new_window (UE_APPLICATION (app)));

      ue_window_open_file (window, files[i]);
    }
}

static void
ue_application_finalize (GObject *object)
{
  UeApplication *self = UE_APPLICATION (object);

  g_free (self->image);
  g_free (self->catalog);
  G_OBJECT_CLASS (ue_application_parent_class)->finalize (object);
}

static void
ue_application_class_init (UeApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  app_class->startup = ue_application_startup;
  app_class->activate = ue_application_activate;
  app_class->open = ue_application_open;
  app_class->handle_local_options = ue_application_handle_local_options;
  G_OBJECT_CLASS (klass)->finalize = ue_application_finalize;
}

static const GOptionEntry options[] = {
  { "image", 'i', 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Take the catalog from a Windows image (install.wim, install.wim:2, install.esd:NAME)"), N_("WIM[:IMAGE]") },
  { "catalog", 'c', 0, G_OPTION_ARG_FILENAME, NULL, N_("Take the catalog from a catalog file"), N_("FILE") },
  { NULL }
};

static void
ue_application_init (UeApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), options);
  g_application_set_option_context_parameter_string (G_APPLICATION (self), _("[ANSWER-FILE…]"));
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
