/* messages-pane.c — the Messages pane: validation messages and the live XML of the document
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The XML tab shows exactly the bytes a save would write. The document reports where a
 * node stood in the file as read, so the pane reads the shown bytes into a mirror
 * document and maps nodes between the two by their child indices. The selected node's
 * lines are marked: from its start tag to the line before the next element that is not
 * inside it, less the closing tags of its ancestors. Clicking a line picks the last
 * element that starts at or before it.
 */
#define G_LOG_DOMAIN "unattend-editor"

#include <glib/gi18n.h>
#include <gtksourceview/gtksource.h>
#include <string.h>

#include "core/message.h"
#include "messages-pane.h"

enum { COL_ICON, COL_TEXT, COL_NODE };

struct _UeMessagesPane
{
  GtkBox parent_instance;

  /* template widgets */
  GtkListStore  *messages_store;
  GtkTreeView   *messages_view;
  GtkStack      *stack;
  GtkSourceView *xml_view;

  UeAnswerDoc   *doc;
  UeAnswerDoc   *mirror;        /* the shown bytes, read again: its positions are the view's */
  GtkTextTag    *selected_tag;
  UeNode        *highlighted;   /* borrowed */
  gboolean       updating;      /* the buffer is being refilled: cursor moves are ours */
};

/* a GtkStack, not a GtkNotebook: GTK 3's notebook page accessibles raise criticals when
 * the window closes under a screen reader */
G_DEFINE_FINAL_TYPE (UeMessagesPane, ue_messages_pane, GTK_TYPE_BOX)

enum { NODE_ACTIVATED, N_SIGNALS };
static guint signals[N_SIGNALS];

/* the node of to at the place node has in from (same shape: same child indices) */
static UeNode *
map_node (UeAnswerDoc *from,
          UeAnswerDoc *to,
          UeNode      *node)
{
  g_autoptr(GArray) indices = g_array_new (FALSE, FALSE, sizeof (guint));
  UeNode *root = ue_answer_doc_get_root (from);
  UeNode *mapped;

  if (from == NULL || to == NULL || node == NULL)
    return NULL;
  for (UeNode *n = node; n != root; n = ue_node_get_parent (n))
    {
      UeNode *parent = ue_node_get_parent (n);
      guint index = 0;

      if (parent == NULL)
        return NULL;
      for (UeNode *c = ue_node_get_first_child (parent); c != n; c = ue_node_get_next (c))
        index++;
      g_array_prepend_val (indices, index);
    }
  mapped = ue_answer_doc_get_root (to);
  for (guint i = 0; i < indices->len && mapped != NULL; i++)
    {
      mapped = ue_node_get_first_child (mapped);
      for (guint k = 0; k < g_array_index (indices, guint, i) && mapped != NULL; k++)
        mapped = ue_node_get_next (mapped);
    }
  return mapped;
}

/* the 1-based line of node's start tag in the shown text, 0 when unknown */
static guint
node_line (UeMessagesPane *self,
           UeNode         *node)
{
  UeNode *shown = map_node (self->doc, self->mirror, node);
  guint line = 0, column = 0;

  if (shown != NULL)
    ue_node_get_position (shown, &line, &column);
  return line;
}

/* the next element in document order that is not inside node */
static UeNode *
next_outside (UeNode *node)
{
  for (; node != NULL; node = ue_node_get_parent (node))
    if (ue_node_get_next (node) != NULL)
      return ue_node_get_next (node);
  return NULL;
}

static gboolean
is_foreign_closing_line (GtkTextBuffer *buffer,
                         guint          line,
                         const char    *name)
{
  GtkTextIter start, end;
  g_autofree char *text = NULL;
  g_autofree char *own = g_strdup_printf ("</%s>", name);
  g_autofree char *own_suffix = g_strdup_printf (":%s>", name);
  char *stripped;

  gtk_text_buffer_get_iter_at_line (buffer, &start, line);
  end = start;
  if (!gtk_text_iter_ends_line (&end))
    gtk_text_iter_forward_to_line_end (&end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  stripped = g_strstrip (text);
  if (*stripped == '\0')
    return TRUE;
  if (!g_str_has_prefix (stripped, "</"))
    return FALSE;
  return strcmp (stripped, own) != 0 && !g_str_has_suffix (stripped, own_suffix);
}

void
ue_messages_pane_highlight_node (UeMessagesPane *self,
                                 UeNode         *node)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->xml_view));
  GtkTextIter start, end;
  guint first, last;
  UeNode *next;

  g_return_if_fail (UE_IS_MESSAGES_PANE (self));

  self->highlighted = node;
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_remove_tag (buffer, self->selected_tag, &start, &end);
  if (node == NULL || (first = node_line (self, node)) == 0)
    return;

  /* buffer lines count from 0, document lines from 1 */
  first--;
  next = next_outside (node);
  last = next != NULL && node_line (self, next) > first + 1 ? node_line (self, next) - 2
                                                            : (guint) gtk_text_buffer_get_line_count (buffer) - 1;
  if (next != NULL && node_line (self, next) == first + 1)
    last = first;
  while (last > first && is_foreign_closing_line (buffer, last, ue_node_get_name (node)))
    last--;

  gtk_text_buffer_get_iter_at_line (buffer, &start, first);
  gtk_text_buffer_get_iter_at_line (buffer, &end, last);
  gtk_text_iter_forward_line (&end);
  gtk_text_buffer_apply_tag (buffer, self->selected_tag, &start, &end);

  self->updating = TRUE;
  gtk_text_buffer_place_cursor (buffer, &start);
  self->updating = FALSE;
  gtk_text_view_scroll_to_iter (GTK_TEXT_VIEW (self->xml_view), &start, 0.1, FALSE, 0, 0);
}

void
ue_messages_pane_refresh (UeMessagesPane *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->xml_view));
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *text = NULL;
  gsize length = 0;
  const char *data;

  g_return_if_fail (UE_IS_MESSAGES_PANE (self));

  self->updating = TRUE;
  if (self->doc != NULL)
    {
      bytes = ue_answer_doc_to_bytes (self->doc);
      data = g_bytes_get_data (bytes, &length);
      g_clear_object (&self->mirror);
      self->mirror = ue_answer_doc_new_from_data (data, length, ue_answer_doc_get_display_name (self->doc), NULL);
      /* a CR of a CRLF file would show as a second line break in some views */
      text = g_utf8_make_valid (data, length);
      for (char *p = text, *q = text;; p++)
        {
          if (*p != '\r')
            *q++ = *p;
          if (*p == '\0')
            break;
        }
    }
  gtk_source_buffer_begin_not_undoable_action (GTK_SOURCE_BUFFER (buffer));
  gtk_text_buffer_set_text (buffer, text != NULL ? text : "", -1);
  gtk_source_buffer_end_not_undoable_action (GTK_SOURCE_BUFFER (buffer));
  self->updating = FALSE;
  ue_messages_pane_highlight_node (self, self->highlighted);
}

void
ue_messages_pane_set_document (UeMessagesPane *self,
                               UeAnswerDoc    *doc)
{
  g_return_if_fail (UE_IS_MESSAGES_PANE (self));

  self->highlighted = NULL;
  g_clear_object (&self->mirror);
  g_set_object (&self->doc, doc);
  ue_messages_pane_set_messages (self, NULL);
  ue_messages_pane_refresh (self);
}

void
ue_messages_pane_set_messages (UeMessagesPane *self,
                               GListModel     *messages)
{
  guint errors = 0, warnings = 0;
  g_autofree char *label = NULL;

  g_return_if_fail (UE_IS_MESSAGES_PANE (self));

  gtk_list_store_clear (self->messages_store);
  for (guint i = 0; messages != NULL && i < g_list_model_get_n_items (messages); i++)
    {
      g_autoptr(UeMessage) message = g_list_model_get_item (messages, i);
      gboolean error = ue_message_get_severity (message) == UE_MESSAGE_SEVERITY_ERROR;
      const char *severity = error ? _("error") : _("warning");
      const char *path = ue_message_get_path (message);
      g_autofree char *text = NULL;

      /* the line is where the element stood in the file as read */
      if (ue_message_get_line (message) > 0)
        text = g_strdup_printf ("%u:%u: %s: %s%s%s%s", ue_message_get_line (message),
                                ue_message_get_column (message), severity, ue_message_get_text (message),
                                path ? " (" : "", path ? path : "", path ? ")" : "");
      else
        text = g_strdup_printf ("%s: %s%s%s%s", severity, ue_message_get_text (message),
                                path ? " (" : "", path ? path : "", path ? ")" : "");
      gtk_list_store_insert_with_values (self->messages_store, NULL, -1,
                                         COL_ICON, error ? "dialog-error-symbolic" : "dialog-warning-symbolic",
                                         COL_TEXT, text, COL_NODE, ue_message_get_node (message), -1);
      if (error)
        errors++;
      else
        warnings++;
    }
  if (errors + warnings == 0)
    label = g_strdup (_("Validation"));
  else
    {
      g_autofree char *e = g_strdup_printf (ngettext ("%u error", "%u errors", errors), errors);
      g_autofree char *w = g_strdup_printf (ngettext ("%u warning", "%u warnings", warnings), warnings);

      /* "Validation (2 errors, 1 warning)" */
      label = g_strdup_printf (_("Validation (%s, %s)"), e, w);
    }
  gtk_container_child_set (GTK_CONTAINER (self->stack),
                           gtk_stack_get_child_by_name (self->stack, "validation"), "title", label, NULL);
}

void
ue_messages_pane_show_validation (UeMessagesPane *self)
{
  g_return_if_fail (UE_IS_MESSAGES_PANE (self));
  gtk_stack_set_visible_child_name (self->stack, "validation");
}

/* the last element of the mirror starting at or before line (1-based) */
static UeNode *
node_at_line (UeNode *node,
              guint   line)
{
  UeNode *found = NULL;

  for (; node != NULL; node = ue_node_get_next (node))
    {
      guint start = 0, column = 0;

      ue_node_get_position (node, &start, &column);

      if (start == 0 || start > line)
        break;
      found = node;
    }
  if (found != NULL)
    {
      UeNode *inner = node_at_line (ue_node_get_first_child (found), line);

      if (inner != NULL)
        found = inner;
    }
  return found;
}

static void
mark_set_cb (UeMessagesPane *self,
             GtkTextIter    *location,
             GtkTextMark    *mark,
             GtkTextBuffer  *buffer)
{
  UeNode *node;

  if (self->updating || self->doc == NULL || mark != gtk_text_buffer_get_insert (buffer)
      || !gtk_widget_has_focus (GTK_WIDGET (self->xml_view)))
    return;
  if (self->mirror == NULL)
    return;
  node = node_at_line (ue_answer_doc_get_root (self->mirror), gtk_text_iter_get_line (location) + 1);
  node = map_node (self->mirror, self->doc, node);
  if (node != NULL && node != self->highlighted)
    g_signal_emit (self, signals[NODE_ACTIVATED], 0, node);
}

static void
message_activated_cb (UeMessagesPane    *self,
                      GtkTreePath       *path,
                      GtkTreeViewColumn *column,
                      GtkTreeView       *view)
{
  GtkTreeIter iter;
  UeNode *node = NULL;

  if (gtk_tree_model_get_iter (GTK_TREE_MODEL (self->messages_store), &iter, path))
    gtk_tree_model_get (GTK_TREE_MODEL (self->messages_store), &iter, COL_NODE, &node, -1);
  if (node != NULL)
    g_signal_emit (self, signals[NODE_ACTIVATED], 0, node);
}

static void
ue_messages_pane_dispose (GObject *object)
{
  UeMessagesPane *self = UE_MESSAGES_PANE (object);

  self->highlighted = NULL;
  g_clear_object (&self->doc);
  g_clear_object (&self->mirror);
  G_OBJECT_CLASS (ue_messages_pane_parent_class)->dispose (object);
}

static void
ue_messages_pane_class_init (UeMessagesPaneClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = ue_messages_pane_dispose;

  signals[NODE_ACTIVATED] = g_signal_new ("node-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_POINTER);

  g_type_ensure (GTK_SOURCE_TYPE_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/unattendeditor/UnattendEditor/messages-pane.ui");
  gtk_widget_class_bind_template_child (widget_class, UeMessagesPane, messages_store);
  gtk_widget_class_bind_template_child (widget_class, UeMessagesPane, messages_view);
  gtk_widget_class_bind_template_child (widget_class, UeMessagesPane, stack);
  gtk_widget_class_bind_template_child (widget_class, UeMessagesPane, xml_view);
  gtk_widget_class_bind_template_callback (widget_class, message_activated_cb);
}

static void
ue_messages_pane_init (UeMessagesPane *self)
{
  GtkSourceBuffer *buffer;
  GtkSourceLanguage *language;

  gtk_widget_init_template (GTK_WIDGET (self));
  /* GtkSourceView's accessible ignores a name given in the .ui */
  atk_object_set_name (gtk_widget_get_accessible (GTK_WIDGET (self->xml_view)), _("XML"));

  buffer = GTK_SOURCE_BUFFER (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->xml_view)));
  language = gtk_source_language_manager_get_language (gtk_source_language_manager_get_default (), "xml");
  gtk_source_buffer_set_language (buffer, language);
  gtk_source_buffer_set_highlight_matching_brackets (buffer, FALSE);
  self->selected_tag = gtk_text_buffer_create_tag (GTK_TEXT_BUFFER (buffer), "selected-node",
                                                   "paragraph-background", "rgba(53,132,228,0.18)", NULL);
  g_signal_connect_object (buffer, "mark-set", G_CALLBACK (mark_set_cb), self, G_CONNECT_SWAPPED);
}
