/* edit.c — one change to an answer document, undoable (base class)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ue-core"

#include "edit.h"

typedef struct
{
  char *label;
} UeEditPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (UeEdit, ue_edit, G_TYPE_OBJECT)

static gboolean
ue_edit_real_merge (UeEdit *self,
                    UeEdit *next)
{
  return FALSE;
}

static void
ue_edit_finalize (GObject *object)
{
  UeEditPrivate *priv = ue_edit_get_instance_private (UE_EDIT (object));

  g_free (priv->label);
  G_OBJECT_CLASS (ue_edit_parent_class)->finalize (object);
}

static void
ue_edit_class_init (UeEditClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ue_edit_finalize;
  klass->merge = ue_edit_real_merge;
}

static void
ue_edit_init (UeEdit *self)
{
}

void
ue_edit_apply (UeEdit      *self,
               UeAnswerDoc *doc)
{
  g_return_if_fail (UE_IS_EDIT (self));
  UE_EDIT_GET_CLASS (self)->apply (self, doc);
}

void
ue_edit_revert (UeEdit      *self,
                UeAnswerDoc *doc)
{
  g_return_if_fail (UE_IS_EDIT (self));
  UE_EDIT_GET_CLASS (self)->revert (self, doc);
}

gboolean
ue_edit_merge (UeEdit *self,
               UeEdit *next)
{
  g_return_val_if_fail (UE_IS_EDIT (self), FALSE);
  g_return_val_if_fail (UE_IS_EDIT (next), FALSE);
  return UE_EDIT_GET_CLASS (self)->merge (self, next);
}

const char *
ue_edit_get_label (UeEdit *self)
{
  UeEditPrivate *priv;

  g_return_val_if_fail (UE_IS_EDIT (self), NULL);
  priv = ue_edit_get_instance_private (self);
  return priv->label;
}

void
ue_edit_set_label (UeEdit     *self,
                   const char *label)
{
  UeEditPrivate *priv;

  g_return_if_fail (UE_IS_EDIT (self));
  priv = ue_edit_get_instance_private (self);
  g_free (priv->label);
  priv->label = g_strdup (label);
}
