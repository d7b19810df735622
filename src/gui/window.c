/* window.c — the main window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "unattend-editor"

#include <glib/gi18n.h>

#include "window.h"

struct _UeWindow
{
  GtkApplicationWindow parent_instance;

  /* template widgets */
  GtkHeaderBar *header_bar;
  GtkLabel     *status_label;

  GFile        *file;
};

G_DEFINE_FINAL_TYPE (UeWindow, ue_window, GTK_TYPE_APPLICATION_WINDOW)

static void
ue_window_dispose (GObject *object)
{
  UeWindow *self = UE_WINDOW (object);

  g_clear_object (&self->file);
  G_OBJECT_CLASS (ue_window_parent_class)->dispose (object);
}

static void
ue_window_class_init (UeWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = ue_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/unattendeditor/UnattendEditor/window.ui");
  gtk_widget_class_bind_template_child (widget_class, UeWindow, header_bar);
  gtk_widget_class_bind_template_child (widget_class, UeWindow, status_label);
}

static void
ue_window_init (UeWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

UeWindow *
ue_window_new (UeApplication *application)
{
  return g_object_new (UE_TYPE_WINDOW, "application", application, NULL);
}

void
ue_window_open_file (UeWindow *self,
                     GFile    *file)
{
  g_autofree char *name = NULL;

  g_return_if_fail (UE_IS_WINDOW (self));

  g_set_object (&self->file, file);
  name = g_file_get_basename (file);
  gtk_header_bar_set_subtitle (self->header_bar, name);
}
