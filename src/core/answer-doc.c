/* answer-doc.c — the answer-file document: load, save, structure, undo stack
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ue-core"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <libxml/parser.h>
#include <stdlib.h>
#include <string.h>

#include "answer-doc-private.h"
#include "edit-group.h"
#include "passes.h"
#include "secret.h"

G_DEFINE_QUARK (ue-answer-doc-error-quark, ue_answer_doc_error)

struct _UeAnswerDoc
{
  GObject      parent_instance;

  xmlDoc      *xml;
  UeSource    *source;        /* NULL for a new document */
  char        *path;
  char        *display_name;
  const char  *newline;       /* "\r\n" or "\n" */
  char        *indent_unit;
  gboolean     utf16;         /* read as UTF-16LE with a BOM: written back the same way */
  gboolean     had_bom;       /* a UTF-8 BOM was dropped on reading */
  gboolean     hide_sensitive_data;
  char        *disk_checksum; /* of the bytes last read or written, to notice other writers */

  GPtrArray   *undo;          /* UeEdit*, oldest first */
  guint        cursor;        /* edits before it are applied */
  gint         saved_cursor;  /* cursor at the last save; -1 when unreachable */
  UeEditGroup *group;         /* open group, or NULL */
  gboolean     amend;         /* the open group joins the last undo step */

  /* the text as saved now, for positions after edits; dropped on every change */
  UeSource    *current;
  GHashTable  *current_positions;
  guint        group_depth;
};

G_DEFINE_FINAL_TYPE (UeAnswerDoc, ue_answer_doc, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_MODIFIED,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_PATH,
  PROP_HIDE_SENSITIVE_DATA,
  N_PROPS
};
static GParamSpec *properties[N_PROPS];

enum {
  CHANGED,
  N_SIGNALS
};
static guint signals[N_SIGNALS];

static void
ue_answer_doc_finalize (GObject *object)
{
  UeAnswerDoc *self = UE_ANSWER_DOC (object);

  /* edits own the nodes they took out: free them (newest first) before the tree */
  g_clear_object (&self->group);
  while (self->undo->len > 0)
    g_ptr_array_remove_index (self->undo, self->undo->len - 1);
  g_ptr_array_unref (self->undo);
  g_clear_pointer (&self->xml, xmlFreeDoc);
  g_clear_pointer (&self->source, _ue_source_free);
  g_clear_pointer (&self->current, _ue_source_free);
  g_clear_pointer (&self->current_positions, g_hash_table_unref);
  g_free (self->path);
  g_free (self->display_name);
  g_free (self->indent_unit);
  g_free (self->disk_checksum);

  G_OBJECT_CLASS (ue_answer_doc_parent_class)->finalize (object);
}

static void
ue_answer_doc_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  UeAnswerDoc *self = UE_ANSWER_DOC (object);

  switch (prop_id)
    {
    case PROP_MODIFIED:
      g_value_set_boolean (value, ue_answer_doc_get_modified (self));
      break;
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, ue_answer_doc_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, ue_answer_doc_can_redo (self));
      break;
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;
    case PROP_HIDE_SENSITIVE_DATA:
      g_value_set_boolean (value, self->hide_sensitive_data);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ue_answer_doc_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  UeAnswerDoc *self = UE_ANSWER_DOC (object);

  switch (prop_id)
    {
    case PROP_HIDE_SENSITIVE_DATA:
      ue_answer_doc_set_hide_sensitive_data (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ue_answer_doc_class_init (UeAnswerDocClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ue_answer_doc_finalize;
  object_class->get_property = ue_answer_doc_get_property;
  object_class->set_property = ue_answer_doc_set_property;

  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_HIDE_SENSITIVE_DATA] =
    g_param_spec_boolean ("hide-sensitive-data", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * UeAnswerDoc::changed:
   * @node: (type gpointer): the element whose subtree changed
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_POINTER);
}

static void
ue_answer_doc_init (UeAnswerDoc *self)
{
  self->undo = g_ptr_array_new_with_free_func (g_object_unref);
  self->newline = "\r\n";
  self->indent_unit = g_strdup ("    ");
}

/* ---- load ---- */

static gboolean
positioned_error (GError     **error,
                  gint         code,
                  const char  *file,
                  guint        line,
                  guint        column,
                  const char  *message)
{
  g_set_error (error, UE_ANSWER_DOC_ERROR, code, "%s:%u:%u: error: %s", file, line, column, message);
  return FALSE;
}

static void
collect_first_error (void        *user_data,
                     xmlErrorPtr  error)
{
  xmlError *first = user_data;

  if (first->code == XML_ERR_OK && error->level >= XML_ERR_ERROR)
    xmlCopyError (error, first);
}

/* indentation step: the most common difference between a child's and its parent's indent */
static char *
detect_indent_unit (xmlNode *root,
                    gboolean *pretty)
{
  g_autoptr(GHashTable) votes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GQueue queue = G_QUEUE_INIT;
  const char *best = NULL;
  guint best_votes = 0;
  GHashTableIter iter;
  gpointer key, value;

  *pretty = FALSE;
  g_queue_push_tail (&queue, root);
  while (!g_queue_is_empty (&queue))
    {
      xmlNode *el = g_queue_pop_head (&queue);
      const char *parent_indent = "";

      if (el->prev && _ue_xml_is_blank (el->prev) && strrchr ((const char *) el->prev->content, '\n'))
        parent_indent = strrchr ((const char *) el->prev->content, '\n') + 1;
      for (xmlNode *c = el->children; c != NULL; c = c->next)
        {
          const char *nl;

          if (c->type != XML_ELEMENT_NODE)
            continue;
          g_queue_push_tail (&queue, c);
          if (!_ue_xml_is_blank (c->prev) || (nl = strrchr ((const char *) c->prev->content, '\n')) == NULL)
            continue;
          *pretty = TRUE;
          if (g_str_has_prefix (nl + 1, parent_indent) && strlen (nl + 1) > strlen (parent_indent))
            {
              const char *unit = nl + 1 + strlen (parent_indent);
              guint n = GPOINTER_TO_UINT (g_hash_table_lookup (votes, unit));
              g_hash_table_insert (votes, g_strdup (unit), GUINT_TO_POINTER (n + 1));
            }
        }
    }
  g_hash_table_iter_init (&iter, votes);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (GPOINTER_TO_UINT (value) > best_votes ||
        (GPOINTER_TO_UINT (value) == best_votes && g_strcmp0 (key, best) < 0))
      {
        best = key;
        best_votes = GPOINTER_TO_UINT (value);
      }
  return g_strdup (best ? best : (*pretty ? "    " : ""));
}

static gboolean
has_hidden_password (xmlNode *node)
{
  for (; node != NULL; node = node->next)
    {
      if (node->type != XML_ELEMENT_NODE)
        continue;
      if (strcmp ((const char *) node->name, "PlainText") == 0 &&
          ue_secret_is_password_element ((const char *) node->parent->name))
        {
          g_autofree char *text = ue_node_dup_text (UE_NODE (node));
          if (text && g_ascii_strcasecmp (g_strstrip (text), "false") == 0)
            return TRUE;
        }
      if (has_hidden_password (node->children))
        return TRUE;
    }
  return FALSE;
}

static UeAnswerDoc *
load_text (const char  *text,
           gsize        len,
           const char  *name,
           gboolean     utf16,
           GError     **error)
{
  g_autoptr(UeAnswerDoc) self = NULL;
  xmlParserCtxt *ctxt;
  xmlError first = { 0 };
  const char *bad;
  guint line, column;
  gsize crlf = 0, lf = 0;
  gboolean pretty;

  self = g_object_new (UE_TYPE_ANSWER_DOC, NULL);
  self->display_name = g_strdup (name);
  self->utf16 = utf16;
  self->source = _ue_source_new (text, len);

  if (memchr (text, '\0', len) != NULL)
    {
      _ue_source_offset_to_position (self->source, (const char *) memchr (text, '\0', len) - text, &line, &column);
      positioned_error (error, UE_ANSWER_DOC_ERROR_ENCODING, name, line, column,
                        _("the file contains a NUL byte: it is not a text file"));
      return NULL;
    }
  if (!g_utf8_validate (text, len, &bad))
    {
      _ue_source_offset_to_position (self->source, bad - text, &line, &column);
      positioned_error (error, UE_ANSWER_DOC_ERROR_ENCODING, name, line, column,
                        _("invalid UTF-8: answer files must be UTF-8 or UTF-16 with a byte-order mark"));
      return NULL;
    }
  if (_ue_source_find_doctype (self->source, &line, &column))
    {
      positioned_error (error, UE_ANSWER_DOC_ERROR_FORBIDDEN, name, line, column,
                        _("a DOCTYPE is not allowed in an answer file: it could expand entities or read other files"));
      return NULL;
    }

  /* untrusted input: no network, no DTD, no entity substitution; errors collected, not printed */
  ctxt = xmlNewParserCtxt ();
  /* xmlKeepBlanksDefault(0), called by other code in the process (GtkSourceView does when
   * it reads a style scheme), makes new contexts drop whitespace between elements */
  ctxt->keepBlanks = 1;
  ctxt->sax->ignorableWhitespace = ctxt->sax->characters;
  xmlSetStructuredErrorFunc (&first, collect_first_error);
  self->xml = xmlCtxtReadMemory (ctxt, text, len, name, "UTF-8",
                                 XML_PARSE_NONET | XML_PARSE_IGNORE_ENC | XML_PARSE_NOWARNING);
  xmlSetStructuredErrorFunc (NULL, NULL);
  xmlFreeParserCtxt (ctxt);

  if (self->xml == NULL || first.code != XML_ERR_OK || xmlDocGetRootElement (self->xml) == NULL)
    {
      g_autofree char *message = g_strdup (first.message ? first.message : _("not a well-formed XML document"));
      g_strchomp (message);
      positioned_error (error, UE_ANSWER_DOC_ERROR_PARSE, name, MAX (first.line, 1), MAX (first.int2, 1), message);
      xmlResetError (&first);
      return NULL;
    }
  xmlResetError (&first);
  if (self->xml->intSubset != NULL)
    {
      positioned_error (error, UE_ANSWER_DOC_ERROR_FORBIDDEN, name, 1, 1,
                        _("a DOCTYPE is not allowed in an answer file"));
      return NULL;
    }
  self->xml->_private = self;
  _ue_source_map (self->source, self->xml);

  for (gsize i = 0; i < len; i++)
    if (text[i] == '\n')
      {
        if (i > 0 && text[i - 1] == '\r')
          crlf++;
        else
          lf++;
      }
  self->newline = crlf >= lf && crlf > 0 ? "\r\n" : (lf > 0 ? "\n" : "\r\n");
  g_free (self->indent_unit);
  self->indent_unit = detect_indent_unit (xmlDocGetRootElement (self->xml), &pretty);
  self->hide_sensitive_data = has_hidden_password (xmlDocGetRootElement (self->xml));
  return g_steal_pointer (&self);
}

UeAnswerDoc *
ue_answer_doc_new_from_data (const char  *data,
                             gsize        length,
                             const char  *display_name,
                             GError     **error)
{
  const guchar *bytes = (const guchar *) data;
  UeAnswerDoc *self;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  if (display_name == NULL)
    display_name = _("untitled");

  if (length >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF)))
    {
      g_autoptr(GError) conv_error = NULL;
      gsize utf8_len = 0;
      gboolean le = bytes[0] == 0xFF;
      g_autofree char *utf8 = g_convert (data + 2, length - 2, "UTF-8", le ? "UTF-16LE" : "UTF-16BE",
                                         NULL, &utf8_len, &conv_error);
      if (utf8 == NULL)
        {
          g_set_error (error, UE_ANSWER_DOC_ERROR, UE_ANSWER_DOC_ERROR_ENCODING,
                       _("%s: error: invalid UTF-16 text: %s"), display_name, conv_error->message);
          return NULL;
        }
      /* UTF-16BE is read, but written back as UTF-16LE: what Windows tools write */
      return load_text (utf8, utf8_len, display_name, TRUE, error);
    }
  if (length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF)
    {
      data += 3;   /* a BOM is read, never written back */
      length -= 3;
    }
  self = load_text (data, length, display_name, FALSE, error);
  if (self != NULL)
    self->had_bom = bytes != (const guchar *) data;
  return self;
}

UeAnswerDoc *
ue_answer_doc_new_from_file (const char  *path,
                             GError     **error)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize length = 0;
  UeAnswerDoc *self;

  g_return_val_if_fail (path != NULL, NULL);

  if (!g_file_get_contents (path, &contents, &length, &local_error))
    {
      g_set_error (error, UE_ANSWER_DOC_ERROR, UE_ANSWER_DOC_ERROR_FAILED,
                   "%s: error: %s", path, local_error->message);
      return NULL;
    }
  self = ue_answer_doc_new_from_data (contents, length, path, error);
  if (self != NULL)
    {
      self->path = g_strdup (path);
      self->disk_checksum = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
    }
  return self;
}

UeAnswerDoc *
ue_answer_doc_new (void)
{
  static const char empty[] =
    "<?xml version=\"1.0\" encoding=\"utf-8\"?>\r\n"
    "<unattend xmlns=\"urn:schemas-microsoft-com:unattend\">\r\n"
    "</unattend>\r\n";
  UeAnswerDoc *self = ue_answer_doc_new_from_data (empty, sizeof empty - 1, NULL, NULL);

  g_assert (self != NULL);
  g_free (self->indent_unit);
  self->indent_unit = g_strdup ("    ");
  /* passwords are hidden by default in new documents */
  self->hide_sensitive_data = TRUE;
  return self;
}

/* ---- save ---- */

GBytes *
ue_answer_doc_to_bytes (UeAnswerDoc *self)
{
  GString *out;

  g_return_val_if_fail (UE_IS_ANSWER_DOC (self), NULL);

  out = g_string_new (NULL);
  _ue_source_serialize (self->source, self->xml, self->newline, out, NULL);
  if (self->utf16)
    {
      gsize n = 0;
      g_autofree char *utf16 = g_convert (out->str, out->len, "UTF-16LE", "UTF-8", NULL, &n, NULL);
      GByteArray *bytes = g_byte_array_sized_new (n + 2);

      g_string_free (out, TRUE);
      g_byte_array_append (bytes, (const guint8 *) "\xFF\xFE", 2);
      if (utf16 != NULL)
        g_byte_array_append (bytes, (const guint8 *) utf16, n);
      return g_byte_array_free_to_bytes (bytes);
    }
  return g_string_free_to_bytes (out);
}

static gboolean
changed_on_disk (UeAnswerDoc *self,
                 const char  *path)
{
  g_autofree char *contents = NULL;
  g_autofree char *checksum = NULL;
  gsize length;

  if (self->path == NULL || self->disk_checksum == NULL || strcmp (path, self->path) != 0)
    return FALSE;
  if (!g_file_get_contents (path, &contents, &length, NULL))
    return FALSE;   /* gone or unreadable: nothing of another writer's to lose */
  checksum = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
  return strcmp (checksum, self->disk_checksum) != 0;
}

static void
notify_stack (UeAnswerDoc *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
}

static gboolean
save_internal (UeAnswerDoc  *self,
               const char   *path,
               gboolean      check_disk,
               GError      **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *real_path = NULL;
  GStatBuf st;
  int mode = 0644;

  g_return_val_if_fail (UE_IS_ANSWER_DOC (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (self->group == NULL, FALSE);

  if (check_disk && changed_on_disk (self, path))
    {
      g_set_error (error, UE_ANSWER_DOC_ERROR, UE_ANSWER_DOC_ERROR_CHANGED_ON_DISK,
                   _("%s: error: the file was changed by another program since it was opened"), path);
      return FALSE;
    }
  if (self->hide_sensitive_data)
    {
      ue_answer_doc_begin_amend (self);
      ue_answer_doc_hide_passwords (self);
      ue_answer_doc_end_group (self);
    }

  bytes = ue_answer_doc_to_bytes (self);
  /* the rename below would replace a symbolic link by a file: write where it points */
  real_path = realpath (path, NULL);
  if (g_stat (path, &st) == 0)
    mode = st.st_mode & 07777;
  /* written to a temporary file and renamed over: a failed save leaves the old file */
  if (!g_file_set_contents_full (real_path ? real_path : path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                 G_FILE_SET_CONTENTS_CONSISTENT, mode, &local_error))
    {
      g_set_error (error, UE_ANSWER_DOC_ERROR, UE_ANSWER_DOC_ERROR_FAILED,
                   "%s: error: %s", path, local_error->message);
      return FALSE;
    }
  g_free (self->disk_checksum);
  self->disk_checksum = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
  if (g_strcmp0 (self->path, path) != 0)
    {
      g_free (self->path);
      self->path = g_strdup (path);
      g_free (self->display_name);
      self->display_name = g_strdup (path);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PATH]);
    }
  self->saved_cursor = self->cursor;
  notify_stack (self);
  return TRUE;
}

gboolean
ue_answer_doc_save (UeAnswerDoc  *self,
                    const char   *path,
                    GError      **error)
{
  return save_internal (self, path, TRUE, error);
}

gboolean
ue_answer_doc_save_overwrite (UeAnswerDoc  *self,
                              const char   *path,
                              GError      **error)
{
  return save_internal (self, path, FALSE, error);
}

const char *
ue_answer_doc_get_path (UeAnswerDoc *self)
{
  g_return_val_if_fail (UE_IS_ANSWER_DOC (self), NULL);
  return self->path;
}

void
ue_answer_doc_set_untitled (UeAnswerDoc *self)
{
  g_return_if_fail (UE_IS_ANSWER_DOC (self));
  if (self->path == NULL)
    return;
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->disk_checksum, g_free);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PATH]);
}

const char *
ue_answer_doc_get_display_name (UeAnswerDoc *self)
{
  g_return_val_if_fail (UE_IS_ANSWER_DOC (self), NULL);
  return self->display_name;
}

gboolean
ue_answer_doc_get_modified (UeAnswerDoc *self)
{
  g_return_val_if_fail (UE_IS_ANSWER_DOC (self), FALSE);
  return self->saved_cursor != (gint) self->cursor;
}

void
ue_answer_doc_forget_saved_state (UeAnswerDoc *self)
{
  g_return_if_fail (UE_IS_ANSWER_DOC (self));
  /* no undo position is the saved one any more: even undoing every edit leaves it modified */
  self->saved_cursor = -1;
  g_clear_pointer (&self->disk_checksum, g_free);
  notify_stack (self);
}

const char *
ue_answer_doc_get_newline (UeAnswerDoc *self)
{
  g_return_val_if_fail (UE_IS_ANSWER_DOC (self), NULL);
  return self->newline;
}

gboolean
ue_answer_doc_get_had_bom (UeAnswerDoc *self)
{
  g_return_val_if_fail (UE_IS_ANSWER_DOC (self), FALSE);
  return self->had_bom;
}

gboolean
ue_answer_doc_get_hide_sensitive_data (UeAnswerDoc *self)
{
  g_return_val_if_fail (UE_IS_ANSWER_DOC (self), FALSE);
  return self->hide_sensitive_data;
}

void
ue_answer_doc_set_hide_sensitive_data (UeAnswerDoc *self,
                                       gboolean     hide)
{
  g_return_if_fail (UE_IS_ANSWER_DOC (self));
  hide = !!hide;
  if (self->hide_sensitive_data == hide)
    return;
  self->hide_sensitive_data = hide;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HIDE_SENSITIVE_DATA]);
}

/* ---- structure ---- */

UeNode *
ue_answer_doc_get_root (UeAnswerDoc *self)
{
  g_return_val_if_fail (UE_IS_ANSWER_DOC (self), NULL);
  return UE_NODE (xmlDocGetRootElement (self->xml));
}

/* ---- undo stack ---- */

void
_ue_answer_doc_emit_changed (UeAnswerDoc *self,
                             xmlNode     *node)
{
  g_clear_pointer (&self->current, _ue_source_free);
  g_clear_pointer (&self->current_positions, g_hash_table_unref);
  g_signal_emit (self, signals[CHANGED], 0, node);
}

UeSource *
_ue_answer_doc_get_current (UeAnswerDoc  *self,
                            GHashTable  **positions)
{
  if (self->current == NULL)
    {
      GString *out = g_string_new (NULL);

      self->current_positions = g_hash_table_new (NULL, NULL);
      _ue_source_serialize (self->source, self->xml, self->newline, out, self->current_positions);
      self->current = _ue_source_new (out->str, out->len);
      g_string_free (out, TRUE);
    }
  *positions = self->current_positions;
  return self->current;
}

xmlDoc *
_ue_answer_doc_get_xml (UeAnswerDoc *self)
{
  return self->xml;
}

UeSource *
_ue_answer_doc_get_source (UeAnswerDoc *self)
{
  return self->source;
}

const char *
_ue_answer_doc_get_indent_unit (UeAnswerDoc *self)
{
  return self->indent_unit;
}

void
_ue_answer_doc_run (UeAnswerDoc *self,
                    gpointer     edit_ptr)
{
  g_autoptr(UeEdit) edit = edit_ptr;

  ue_edit_apply (edit, self);
  if (self->group != NULL)
    {
      UeEdit *last = ue_edit_group_get_last (self->group);
      if (last == NULL || !ue_edit_merge (last, edit))
        ue_edit_group_add (self->group, edit);
      return;
    }
  /* a new edit drops what could have been redone */
  while (self->undo->len > self->cursor)
    g_ptr_array_remove_index (self->undo, self->undo->len - 1);
  if (self->saved_cursor > (gint) self->cursor)
    self->saved_cursor = -1;
  /* typing into one value is one undo step, unless the document was saved in between */
  if (self->cursor > 0 && self->saved_cursor != (gint) self->cursor &&
      ue_edit_merge (g_ptr_array_index (self->undo, self->cursor - 1), edit))
    {
      notify_stack (self);
      return;
    }
  g_ptr_array_add (self->undo, g_steal_pointer (&edit));
  self->cursor++;
  notify_stack (self);
}

void
ue_answer_doc_begin_group (UeAnswerDoc *self,
                           const char  *description)
{
  g_return_if_fail (UE_IS_ANSWER_DOC (self));
  if (self->group_depth++ == 0)
    self->group = UE_EDIT_GROUP (ue_edit_group_new (description));
}

void
ue_answer_doc_begin_amend (UeAnswerDoc *self)
{
  g_return_if_fail (UE_IS_ANSWER_DOC (self));
  /* inside a group the edits are part of that group anyway */
  if (self->group_depth == 0)
    self->amend = TRUE;
  ue_answer_doc_begin_group (self, NULL);
}

/* the amending group becomes part of the step before it, or of no step at all */
static void
amend_last_step (UeAnswerDoc *self,
                 UeEditGroup *group)
{
  g_autoptr(UeEdit) joined = NULL;
  UeEdit *last;

  if (self->cursor == 0)
    {
      /* nothing to join: the edits are where undo starts from, and unsaved until saved */
      g_object_unref (group);
      self->saved_cursor = -1;
      return;
    }
  last = g_ptr_array_index (self->undo, self->cursor - 1);
  joined = ue_edit_group_new (ue_edit_get_label (last));
  ue_edit_group_add (UE_EDIT_GROUP (joined), last);
  ue_edit_group_add (UE_EDIT_GROUP (joined), UE_EDIT (group));
  g_object_unref (group);
  g_ptr_array_index (self->undo, self->cursor - 1) = g_steal_pointer (&joined);
  g_object_unref (last);
  /* the step now holds more than its saved state did */
  if (self->saved_cursor == (gint) self->cursor)
    self->saved_cursor = -1;
}

void
ue_answer_doc_end_group (UeAnswerDoc *self)
{
  UeEditGroup *group;
  gboolean amend;

  g_return_if_fail (UE_IS_ANSWER_DOC (self));
  g_return_if_fail (self->group_depth > 0);

  if (--self->group_depth > 0)
    return;
  group = g_steal_pointer (&self->group);
  amend = self->amend;
  self->amend = FALSE;
  if (ue_edit_group_get_n_edits (group) == 0)
    {
      g_object_unref (group);
      return;
    }
  while (self->undo->len > self->cursor)
    g_ptr_array_remove_index (self->undo, self->undo->len - 1);
  if (self->saved_cursor > (gint) self->cursor)
    self->saved_cursor = -1;
  if (amend)
    amend_last_step (self, group);
  else
    {
      g_ptr_array_add (self->undo, group);
      self->cursor++;
    }
  notify_stack (self);
}

gboolean
ue_answer_doc_can_undo (UeAnswerDoc *self)
{
  g_return_val_if_fail (UE_IS_ANSWER_DOC (self), FALSE);
  return self->cursor > 0;
}

gboolean
ue_answer_doc_can_redo (UeAnswerDoc *self)
{
  g_return_val_if_fail (UE_IS_ANSWER_DOC (self), FALSE);
  return self->cursor < self->undo->len;
}

const char *
ue_answer_doc_get_undo_label (UeAnswerDoc *self)
{
  g_return_val_if_fail (UE_IS_ANSWER_DOC (self), NULL);
  return self->cursor > 0 ? ue_edit_get_label (g_ptr_array_index (self->undo, self->cursor - 1)) : NULL;
}

const char *
ue_answer_doc_get_redo_label (UeAnswerDoc *self)
{
  g_return_val_if_fail (UE_IS_ANSWER_DOC (self), NULL);
  return self->cursor < self->undo->len ? ue_edit_get_label (g_ptr_array_index (self->undo, self->cursor)) : NULL;
}

gboolean
ue_answer_doc_undo (UeAnswerDoc *self)
{
  g_return_val_if_fail (UE_IS_ANSWER_DOC (self), FALSE);
  g_return_val_if_fail (self->group == NULL, FALSE);

  if (self->cursor == 0)
    return FALSE;
  self->cursor--;
  ue_edit_revert (g_ptr_array_index (self->undo, self->cursor), self);
  notify_stack (self);
  return TRUE;
}

gboolean
ue_answer_doc_redo (UeAnswerDoc *self)
{
  g_return_val_if_fail (UE_IS_ANSWER_DOC (self), FALSE);
  g_return_val_if_fail (self->group == NULL, FALSE);

  if (self->cursor >= self->undo->len)
    return FALSE;
  ue_edit_apply (g_ptr_array_index (self->undo, self->cursor), self);
  self->cursor++;
  notify_stack (self);
  return TRUE;
}
