/* merge-dialog.c — Merge Answer File…: keep mine or take theirs, per conflicting setting
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One frame per conflict, titled with the setting's path (and architecture: a dual-arch file
 * holds the same path twice), holding two radio buttons. The choices are looked up by path
 * and arch when ue_doc_merge() asks, since it hands over its own conflict structs.
 */
#define G_LOG_DOMAIN "unattend-editor"

#include <glib/gi18n.h>

#include "merge-dialog.h"

#define HIDDEN "********"

struct _UeMergeDialog
{
  GtkDialog parent_instance;

  GtkLabel   *intro_label;
  GtkBox     *conflicts_box;

  GHashTable *take_other;   /* "arch\npath" → the "take theirs" GtkToggleButton */
};

G_DEFINE_FINAL_TYPE (UeMergeDialog, ue_merge_dialog, GTK_TYPE_DIALOG)

static char *
conflict_key (const UeMergeConflict *conflict)
{
  return g_strdup_printf ("%s\n%s", conflict->arch != NULL ? conflict->arch : "", conflict->path);
}

static GtkWidget *
choice_new (GtkRadioButton *group,
            const char     *format,
            const char     *value)
{
  /* the value is shown as it is: its own "_" are no mnemonics */
  g_auto(GStrv) parts = g_strsplit (value, "_", -1);
  g_autofree char *escaped = g_strjoinv ("__", parts);
  g_autofree char *text = g_strdup_printf (format, escaped);
  GtkWidget *radio = gtk_radio_button_new_with_mnemonic_from_widget (group, text);

  /* long values (a command line) would widen the dialog beyond the screen */
  gtk_label_set_ellipsize (GTK_LABEL (gtk_bin_get_child (GTK_BIN (radio))), PANGO_ELLIPSIZE_END);
  return radio;
}

static void
add_conflict (UeMergeDialog         *self,
              const UeMergeConflict *conflict)
{
  g_autofree char *title = NULL;
  const char *mine = conflict->secret ? HIDDEN : conflict->base_value;
  const char *theirs = conflict->secret ? HIDDEN : conflict->other_value;
  GtkWidget *frame, *box, *keep, *take;

  title = conflict->arch != NULL && *conflict->arch != '\0'
          ? g_strdup_printf ("%s (%s)", conflict->path, conflict->arch) : g_strdup (conflict->path);
  /* a titled section: the frame names the radio buttons' group for screen readers */
  frame = gtk_frame_new (title);
  gtk_frame_set_shadow_type (GTK_FRAME (frame), GTK_SHADOW_NONE);
  gtk_style_context_add_class (gtk_widget_get_style_context (gtk_frame_get_label_widget (GTK_FRAME (frame))),
                               "heading");
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_top (box, 4);
  keep = choice_new (NULL, _("_Keep mine: %s"), mine != NULL ? mine : "");
  take = choice_new (GTK_RADIO_BUTTON (keep), _("_Take theirs: %s"), theirs != NULL ? theirs : "");
  gtk_container_add (GTK_CONTAINER (box), keep);
  gtk_container_add (GTK_CONTAINER (box), take);
  gtk_container_add (GTK_CONTAINER (frame), box);
  gtk_widget_show_all (frame);
  gtk_container_add (GTK_CONTAINER (self->conflicts_box), frame);
  g_hash_table_insert (self->take_other, conflict_key (conflict), take);
}

static void
ue_merge_dialog_finalize (GObject *object)
{
  UeMergeDialog *self = UE_MERGE_DIALOG (object);

  g_hash_table_unref (self->take_other);
  G_OBJECT_CLASS (ue_merge_dialog_parent_class)->finalize (object);
}

static void
ue_merge_dialog_class_init (UeMergeDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = ue_merge_dialog_finalize;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/unattendeditor/UnattendEditor/merge-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, UeMergeDialog, intro_label);
  gtk_widget_class_bind_template_child (widget_class, UeMergeDialog, conflicts_box);
}

static void
ue_merge_dialog_init (UeMergeDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->take_other = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

UeMergeDialog *
ue_merge_dialog_new (GtkWindow  *parent,
                     GPtrArray  *conflicts,
                     const char *other)
{
  UeMergeDialog *self;
  g_autofree char *intro = NULL;

  g_return_val_if_fail (conflicts != NULL, NULL);
  g_return_val_if_fail (other != NULL, NULL);

  self = g_object_new (UE_TYPE_MERGE_DIALOG, "transient-for", parent, "use-header-bar", TRUE, NULL);
  intro = g_strdup_printf (ngettext ("%u setting has another value in “%s”. Choose which value stays:",
                                        "%u settings have other values in “%s”. Choose which value stays:",
                                        conflicts->len),
                           conflicts->len, other);
  gtk_label_set_text (self->intro_label, intro);
  for (guint i = 0; i < conflicts->len; i++)
    add_conflict (self, g_ptr_array_index (conflicts, i));
  return self;
}

gboolean
ue_merge_dialog_resolve (const UeMergeConflict *conflict,
                         gpointer               dialog)
{
  UeMergeDialog *self = dialog;
  g_autofree char *key = NULL;
  GtkToggleButton *take;

  g_return_val_if_fail (UE_IS_MERGE_DIALOG (self), FALSE);
  g_return_val_if_fail (conflict != NULL, FALSE);

  key = conflict_key (conflict);
  take = g_hash_table_lookup (self->take_other, key);
  return take != NULL && gtk_toggle_button_get_active (take);
}
