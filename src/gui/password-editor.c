/* password-editor.c — the Properties pane's editor of a password's Value: a hidden entry with reveal
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The user types the password itself; each change is written at once (the selection may
 * move away at any moment). A hidden value (PlainText false) is decoded for the entry and
 * written back hidden while the document hides sensitive data; the sibling PlainText
 * follows in the same undo step.
 */
#define G_LOG_DOMAIN "unattend-editor"

#include <glib/gi18n.h>

#include "core/secret.h"
#include "password-editor.h"
#include "gui-private.h"

struct _UePasswordEditor
{
  UePropertyEditor parent_instance;

  GtkEntry *entry;
  char     *loaded;    /* the password as shown after load, NULL when not in the file */
};

G_DEFINE_FINAL_TYPE (UePasswordEditor, ue_password_editor, UE_TYPE_PROPERTY_EDITOR)

static const char *
password_element (UePasswordEditor *self)
{
  return ue_node_get_name (ue_property_editor_get_parent (UE_PROPERTY_EDITOR (self)));
}

static gboolean
is_hidden (UePasswordEditor *self)
{
  UePropertyEditor *editor = UE_PROPERTY_EDITOR (self);
  UeNode *plain = ue_answer_doc_find_child (ue_property_editor_get_document (editor),
                                            ue_property_editor_get_parent (editor), "PlainText");
  g_autofree char *text = plain != NULL ? ue_node_dup_text (plain) : NULL;

  return text != NULL && g_ascii_strcasecmp (g_strstrip (text), "false") == 0;
}

static void
ue_password_editor_load (UePropertyEditor *editor,
                         const char       *value)
{
  UePasswordEditor *self = UE_PASSWORD_EDITOR (editor);
  g_autofree char *shown = NULL;

  if (value != NULL && is_hidden (self))
    shown = ue_secret_decode (password_element (self), value, NULL);
  if (shown == NULL)
    shown = g_strdup (value);
  g_free (self->loaded);
  self->loaded = g_steal_pointer (&shown);
  gtk_entry_set_text (self->entry, self->loaded != NULL ? self->loaded : "");
}

static void
ue_password_editor_write (UePropertyEditor *editor,
                          const char       *value)
{
  UePasswordEditor *self = UE_PASSWORD_EDITOR (editor);
  UeAnswerDoc *doc = ue_property_editor_get_document (editor);
  gboolean hide = ue_answer_doc_get_hide_sensitive_data (doc);
  g_autofree char *encoded = hide ? ue_secret_encode (password_element (self), value) : NULL;
  UeNode *plain = ue_answer_doc_find_child (doc, ue_property_editor_get_parent (editor), "PlainText");
  g_autofree char *plain_text = plain != NULL ? ue_node_dup_text (plain) : NULL;
  const char *wanted = hide ? "false" : "true";

  /* PlainText already right: the Value alone, so typing merges into one undo step */
  if (g_strcmp0 (plain_text, wanted) == 0)
    {
      ue_answer_doc_set_text (doc, ue_property_editor_ensure_node (editor), hide ? encoded : value);
      return;
    }
  ue_answer_doc_begin_group (doc, _("Set Password"));
  ue_answer_doc_set_text (doc, ue_property_editor_ensure_node (editor), hide ? encoded : value);
  plain = ue_answer_doc_ensure_child (doc, ue_property_editor_get_parent (editor), "PlainText");
  ue_answer_doc_set_text (doc, plain, wanted);
  ue_answer_doc_end_group (doc);
}

static void
commit_entry (UePasswordEditor *self)
{
  const char *text = gtk_entry_get_text (self->entry);

  if (g_strcmp0 (text, self->loaded != NULL ? self->loaded : "") == 0)
    return;
  ue_property_editor_commit (UE_PROPERTY_EDITOR (self), text);
}

static void
changed_cb (UePasswordEditor *self,
            GtkEntry         *entry)
{
  if (!ue_property_editor_is_loading (UE_PROPERTY_EDITOR (self)))
    commit_entry (self);
}

static void
icon_press_cb (UePasswordEditor     *self,
               GtkEntryIconPosition  position,
               GdkEvent             *event,
               GtkEntry             *entry)
{
  gboolean visible = !gtk_entry_get_visibility (entry);

  gtk_entry_set_visibility (entry, visible);
  gtk_entry_set_icon_from_icon_name (entry, GTK_ENTRY_ICON_SECONDARY,
                                     visible ? "view-conceal-symbolic" : "view-reveal-symbolic");
  gtk_entry_set_icon_tooltip_text (entry, GTK_ENTRY_ICON_SECONDARY,
                                   visible ? _("Hide the password") : _("Show the password"));
}

static void
ue_password_editor_constructed (GObject *object)
{
  UePasswordEditor *self = UE_PASSWORD_EDITOR (object);

  G_OBJECT_CLASS (ue_password_editor_parent_class)->constructed (object);
  _ue_widget_set_accessible_name (GTK_WIDGET (self->entry),
                                  ue_property_editor_get_name (UE_PROPERTY_EDITOR (self)));
}

static void
ue_password_editor_finalize (GObject *object)
{
  g_free (UE_PASSWORD_EDITOR (object)->loaded);
  G_OBJECT_CLASS (ue_password_editor_parent_class)->finalize (object);
}

static void
ue_password_editor_class_init (UePasswordEditorClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->constructed = ue_password_editor_constructed;
  G_OBJECT_CLASS (klass)->finalize = ue_password_editor_finalize;
  UE_PROPERTY_EDITOR_CLASS (klass)->load = ue_password_editor_load;
  UE_PROPERTY_EDITOR_CLASS (klass)->write = ue_password_editor_write;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/unattendeditor/UnattendEditor/password-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, UePasswordEditor, entry);
  gtk_widget_class_bind_template_callback (widget_class, changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, icon_press_cb);
}

static void
ue_password_editor_init (UePasswordEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
