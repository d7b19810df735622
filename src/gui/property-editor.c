/* property-editor.c — base class of the typed value editors of the Properties pane
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Like glade's GladeEditorProperty: the editor is built from a definition, load()
 * rebinds it to a value, a loading flag keeps the widget's own change signals from
 * writing back, and a user's change becomes one edit on the document's undo stack.
 */
#define G_LOG_DOMAIN "unattend-editor"

#include <glib/gi18n.h>

#include "property-editor.h"
#include "boolean-editor.h"
#include "enum-editor.h"
#include "integer-editor.h"
#include "password-editor.h"
#include "string-editor.h"

typedef struct
{
  UeAnswerDoc  *doc;
  UeSettingDef *def;
  char         *name;
  UeNode       *parent;   /* borrowed from the document */
  UeNode       *node;     /* borrowed; NULL while the setting is not in the file */
  gboolean      loading;
} UePropertyEditorPrivate;

G_DEFINE_TYPE_WITH_PRIVATE (UePropertyEditor, ue_property_editor, GTK_TYPE_BOX)

enum
{
  PROP_0,
  PROP_DOCUMENT,
  PROP_DEF,
  PROP_NAME,
  N_PROPS
};
static GParamSpec *properties[N_PROPS];

UePropertyEditor *
ue_property_editor_new (UeAnswerDoc  *doc,
                        UeSettingDef *def,
                        const char   *name)
{
  GType type = UE_TYPE_STRING_EDITOR;

  g_return_val_if_fail (UE_IS_ANSWER_DOC (doc), NULL);
  g_return_val_if_fail (def != NULL || name != NULL, NULL);

  if (def != NULL && def->parent != NULL && g_strcmp0 (def->name, "Value") == 0
      && ue_setting_def_is_password (def->parent))
    type = UE_TYPE_PASSWORD_EDITOR;
  else if (def != NULL)
    switch (def->value_type)
      {
      case UE_VALUE_TYPE_BOOLEAN:
        type = UE_TYPE_BOOLEAN_EDITOR;
        break;
      case UE_VALUE_TYPE_INTEGER:
        type = UE_TYPE_INTEGER_EDITOR;
        break;
      case UE_VALUE_TYPE_ENUM:
        if (def->enum_values != NULL && def->enum_values[0] != NULL)
          type = UE_TYPE_ENUM_EDITOR;
        break;
      case UE_VALUE_TYPE_NONE:
      case UE_VALUE_TYPE_STRING:
      default:
        break;
      }

  return g_object_new (type, "document", doc, "def", def,
                       "setting-name", name != NULL ? name : def->name, NULL);
}

static void
load_value (UePropertyEditor *self)
{
  UePropertyEditorPrivate *priv = ue_property_editor_get_instance_private (self);
  g_autofree char *value = NULL;

  if (priv->node != NULL)
    {
      value = ue_node_dup_text (priv->node);
      if (value == NULL)
        value = g_strdup ("");
    }
  priv->loading = TRUE;
  UE_PROPERTY_EDITOR_GET_CLASS (self)->load (self, value);
  priv->loading = FALSE;
}

void
ue_property_editor_load (UePropertyEditor *self,
                         UeNode           *parent,
                         UeNode           *node)
{
  UePropertyEditorPrivate *priv = ue_property_editor_get_instance_private (self);

  g_return_if_fail (UE_IS_PROPERTY_EDITOR (self));
  g_return_if_fail (parent != NULL);

  priv->parent = parent;
  priv->node = node;
  load_value (self);
}

void
ue_property_editor_reload (UePropertyEditor *self)
{
  UePropertyEditorPrivate *priv = ue_property_editor_get_instance_private (self);

  g_return_if_fail (UE_IS_PROPERTY_EDITOR (self));
  g_return_if_fail (priv->parent != NULL);

  /* undo may have taken the setting out of the file or put it back */
  priv->node = ue_answer_doc_find_child (priv->doc, priv->parent, priv->name);
  load_value (self);
}

UeNode *
ue_property_editor_ensure_node (UePropertyEditor *self)
{
  UePropertyEditorPrivate *priv = ue_property_editor_get_instance_private (self);

  g_return_val_if_fail (UE_IS_PROPERTY_EDITOR (self), NULL);

  if (priv->node == NULL)
    priv->node = ue_answer_doc_ensure_child (priv->doc, priv->parent, priv->name);
  return priv->node;
}

static void
ue_property_editor_real_write (UePropertyEditor *self,
                               const char       *value)
{
  UePropertyEditorPrivate *priv = ue_property_editor_get_instance_private (self);

  ue_answer_doc_set_text (priv->doc, ue_property_editor_ensure_node (self), value);
}

void
ue_property_editor_commit (UePropertyEditor *self,
                           const char       *value)
{
  UePropertyEditorPrivate *priv = ue_property_editor_get_instance_private (self);
  g_autofree char *description = NULL;
  g_autofree char *current = NULL;

  g_return_if_fail (UE_IS_PROPERTY_EDITOR (self));
  g_return_if_fail (value != NULL);

  if (priv->loading || priv->parent == NULL)
    return;
  if (priv->node != NULL)
    current = ue_node_dup_text (priv->node);
  if (g_strcmp0 (current, value) == 0)
    return;

  /* keep the reference: the document's ::changed handlers may rebuild the pane */
  g_object_ref (self);
  if (priv->node != NULL)
    /* alone, so that typing into one value merges into one undo step */
    UE_PROPERTY_EDITOR_GET_CLASS (self)->write (self, value);
  else
    {
      description = g_strdup_printf (_("Set %s"), priv->name);
      ue_answer_doc_begin_group (priv->doc, description);
      UE_PROPERTY_EDITOR_GET_CLASS (self)->write (self, value);
      ue_answer_doc_end_group (priv->doc);
    }
  g_object_unref (self);
}

gboolean
ue_property_editor_is_loading (UePropertyEditor *self)
{
  UePropertyEditorPrivate *priv = ue_property_editor_get_instance_private (self);

  g_return_val_if_fail (UE_IS_PROPERTY_EDITOR (self), FALSE);
  return priv->loading;
}

UeAnswerDoc *
ue_property_editor_get_document (UePropertyEditor *self)
{
  UePropertyEditorPrivate *priv = ue_property_editor_get_instance_private (self);

  g_return_val_if_fail (UE_IS_PROPERTY_EDITOR (self), NULL);
  return priv->doc;
}

UeSettingDef *
ue_property_editor_get_def (UePropertyEditor *self)
{
  UePropertyEditorPrivate *priv = ue_property_editor_get_instance_private (self);

  g_return_val_if_fail (UE_IS_PROPERTY_EDITOR (self), NULL);
  return priv->def;
}

const char *
ue_property_editor_get_name (UePropertyEditor *self)
{
  UePropertyEditorPrivate *priv = ue_property_editor_get_instance_private (self);

  g_return_val_if_fail (UE_IS_PROPERTY_EDITOR (self), NULL);
  return priv->name;
}

UeNode *
ue_property_editor_get_parent (UePropertyEditor *self)
{
  UePropertyEditorPrivate *priv = ue_property_editor_get_instance_private (self);

  g_return_val_if_fail (UE_IS_PROPERTY_EDITOR (self), NULL);
  return priv->parent;
}

UeNode *
ue_property_editor_get_node (UePropertyEditor *self)
{
  UePropertyEditorPrivate *priv = ue_property_editor_get_instance_private (self);

  g_return_val_if_fail (UE_IS_PROPERTY_EDITOR (self), NULL);
  return priv->node;
}

static void
ue_property_editor_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  UePropertyEditor *self = UE_PROPERTY_EDITOR (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, ue_property_editor_get_document (self));
      break;
    case PROP_DEF:
      g_value_set_boxed (value, ue_property_editor_get_def (self));
      break;
    case PROP_NAME:
      g_value_set_string (value, ue_property_editor_get_name (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ue_property_editor_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  UePropertyEditor *self = UE_PROPERTY_EDITOR (object);
  UePropertyEditorPrivate *priv = ue_property_editor_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      priv->doc = g_value_dup_object (value);
      break;
    case PROP_DEF:
      priv->def = g_value_dup_boxed (value);
      break;
    case PROP_NAME:
      priv->name = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ue_property_editor_dispose (GObject *object)
{
  UePropertyEditorPrivate *priv = ue_property_editor_get_instance_private (UE_PROPERTY_EDITOR (object));

  g_clear_object (&priv->doc);
  priv->parent = NULL;
  priv->node = NULL;
  G_OBJECT_CLASS (ue_property_editor_parent_class)->dispose (object);
}

static void
ue_property_editor_finalize (GObject *object)
{
  UePropertyEditorPrivate *priv = ue_property_editor_get_instance_private (UE_PROPERTY_EDITOR (object));

  g_clear_pointer (&priv->def, ue_setting_def_unref);
  g_free (priv->name);
  G_OBJECT_CLASS (ue_property_editor_parent_class)->finalize (object);
}

static void
ue_property_editor_class_init (UePropertyEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = ue_property_editor_get_property;
  object_class->set_property = ue_property_editor_set_property;
  object_class->dispose = ue_property_editor_dispose;
  object_class->finalize = ue_property_editor_finalize;
  klass->write = ue_property_editor_real_write;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, UE_TYPE_ANSWER_DOC,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DEF] =
    g_param_spec_boxed ("def", NULL, NULL, UE_TYPE_SETTING_DEF,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("setting-name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ue_property_editor_init (UePropertyEditor *self)
{
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
}
