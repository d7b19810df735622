/* message.c — one validation finding
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ue-core"

#include "message.h"

struct _UeMessage
{
  GObject            parent_instance;

  UeMessageSeverity  severity;
  char              *file;
  guint              line;
  guint              column;
  char              *text;
  char              *path;
  UeAnswerDoc       *doc;     /* owned: keeps node alive */
  UeNode            *node;    /* borrowed from doc */
};

G_DEFINE_ENUM_TYPE (UeMessageSeverity, ue_message_severity,
  G_DEFINE_ENUM_VALUE (UE_MESSAGE_SEVERITY_WARNING, "warning"),
  G_DEFINE_ENUM_VALUE (UE_MESSAGE_SEVERITY_ERROR, "error"))

G_DEFINE_FINAL_TYPE (UeMessage, ue_message, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_SEVERITY,
  PROP_FILE,
  PROP_LINE,
  PROP_COLUMN,
  PROP_TEXT,
  PROP_PATH,
  PROP_DOCUMENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
ue_message_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  UeMessage *self = UE_MESSAGE (object);

  switch (prop_id)
    {
    case PROP_SEVERITY: g_value_set_enum (value, ue_message_get_severity (self)); break;
    case PROP_FILE: g_value_set_string (value, ue_message_get_file (self)); break;
    case PROP_LINE: g_value_set_uint (value, ue_message_get_line (self)); break;
    case PROP_COLUMN: g_value_set_uint (value, ue_message_get_column (self)); break;
    case PROP_TEXT: g_value_set_string (value, ue_message_get_text (self)); break;
    case PROP_PATH: g_value_set_string (value, ue_message_get_path (self)); break;
    case PROP_DOCUMENT: g_value_set_object (value, ue_message_get_document (self)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ue_message_dispose (GObject *object)
{
  UeMessage *self = UE_MESSAGE (object);

  self->node = NULL;
  g_clear_object (&self->doc);
  G_OBJECT_CLASS (ue_message_parent_class)->dispose (object);
}

static void
ue_message_finalize (GObject *object)
{
  UeMessage *self = UE_MESSAGE (object);

  g_free (self->file);
  g_free (self->text);
  g_free (self->path);
  G_OBJECT_CLASS (ue_message_parent_class)->finalize (object);
}

static void
ue_message_class_init (UeMessageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->get_property = ue_message_get_property;
  object_class->dispose = ue_message_dispose;
  object_class->finalize = ue_message_finalize;

  properties[PROP_SEVERITY] = g_param_spec_enum ("severity", NULL, NULL, UE_TYPE_MESSAGE_SEVERITY,
                                                 UE_MESSAGE_SEVERITY_ERROR, flags);
  properties[PROP_FILE] = g_param_spec_string ("file", NULL, NULL, NULL, flags);
  properties[PROP_LINE] = g_param_spec_uint ("line", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_COLUMN] = g_param_spec_uint ("column", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_TEXT] = g_param_spec_string ("text", NULL, NULL, NULL, flags);
  properties[PROP_PATH] = g_param_spec_string ("path", NULL, NULL, NULL, flags);
  properties[PROP_DOCUMENT] = g_param_spec_object ("document", NULL, NULL, UE_TYPE_ANSWER_DOC, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ue_message_init (UeMessage *self)
{
}

/**
 * ue_message_new:
 *
 * Returns: (transfer full): a new message; it holds a reference on @doc.
 */
UeMessage *
ue_message_new (UeMessageSeverity  severity,
                const char        *file,
                guint              line,
                guint              column,
                const char        *text,
                const char        *path,
                UeAnswerDoc       *doc,
                UeNode            *node)
{
  UeMessage *self;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (doc == NULL || UE_IS_ANSWER_DOC (doc), NULL);

  self = g_object_new (UE_TYPE_MESSAGE, NULL);
  self->severity = severity;
  self->file = g_strdup (file);
  self->line = line;
  self->column = column;
  self->text = g_strdup (text);
  self->path = g_strdup (path);
  self->doc = doc ? g_object_ref (doc) : NULL;
  self->node = doc ? node : NULL;
  return self;
}

UeMessageSeverity
ue_message_get_severity (UeMessage *self)
{
  g_return_val_if_fail (UE_IS_MESSAGE (self), UE_MESSAGE_SEVERITY_ERROR);
  return self->severity;
}

const char *
ue_message_get_file (UeMessage *self)
{
  g_return_val_if_fail (UE_IS_MESSAGE (self), NULL);
  return self->file;
}

guint
ue_message_get_line (UeMessage *self)
{
  g_return_val_if_fail (UE_IS_MESSAGE (self), 0);
  return self->line;
}

guint
ue_message_get_column (UeMessage *self)
{
  g_return_val_if_fail (UE_IS_MESSAGE (self), 0);
  return self->column;
}

const char *
ue_message_get_text (UeMessage *self)
{
  g_return_val_if_fail (UE_IS_MESSAGE (self), NULL);
  return self->text;
}

const char *
ue_message_get_path (UeMessage *self)
{
  g_return_val_if_fail (UE_IS_MESSAGE (self), NULL);
  return self->path;
}

/**
 * ue_message_get_document:
 *
 * Returns: (transfer none) (nullable): the document the message is about
 */
UeAnswerDoc *
ue_message_get_document (UeMessage *self)
{
  g_return_val_if_fail (UE_IS_MESSAGE (self), NULL);
  return self->doc;
}

/**
 * ue_message_get_node:
 *
 * Returns: (transfer none) (nullable): the element, valid while the document lives
 */
UeNode *
ue_message_get_node (UeMessage *self)
{
  g_return_val_if_fail (UE_IS_MESSAGE (self), NULL);
  return self->node;
}

const char *
ue_message_severity_to_string (UeMessageSeverity severity)
{
  return severity == UE_MESSAGE_SEVERITY_ERROR ? "error" : "warning";
}

char *
ue_message_format (UeMessage *self)
{
  const char *file;
  const char *severity;

  g_return_val_if_fail (UE_IS_MESSAGE (self), NULL);

  file = self->file ? self->file : "";
  severity = ue_message_severity_to_string (self->severity);
  if (self->line == 0)
    return g_strdup_printf ("%s: %s: %s", file, severity, self->text);
  return g_strdup_printf ("%s:%u:%u: %s: %s", file, self->line, self->column, severity, self->text);
}
