/* edit-group.c — several edits that undo and redo as one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ue-core"

#include "edit-group.h"

struct _UeEditGroup
{
  UeEdit     parent_instance;

  GPtrArray *edits;
};

G_DEFINE_FINAL_TYPE (UeEditGroup, ue_edit_group, UE_TYPE_EDIT)

static void
ue_edit_group_apply (UeEdit      *edit,
                     UeAnswerDoc *doc)
{
  UeEditGroup *self = UE_EDIT_GROUP (edit);

  for (guint i = 0; i < self->edits->len; i++)
    ue_edit_apply (g_ptr_array_index (self->edits, i), doc);
}

static void
ue_edit_group_revert (UeEdit      *edit,
                      UeAnswerDoc *doc)
{
  UeEditGroup *self = UE_EDIT_GROUP (edit);

  for (guint i = self->edits->len; i > 0; i--)
    ue_edit_revert (g_ptr_array_index (self->edits, i - 1), doc);
}

static void
ue_edit_group_finalize (GObject *object)
{
  UeEditGroup *self = UE_EDIT_GROUP (object);

  /* later edits may own nodes inside subtrees earlier ones own: free newest first */
  while (self->edits->len > 0)
    g_ptr_array_remove_index (self->edits, self->edits->len - 1);
  g_ptr_array_unref (self->edits);
  G_OBJECT_CLASS (ue_edit_group_parent_class)->finalize (object);
}

static void
ue_edit_group_class_init (UeEditGroupClass *klass)
{
  UeEditClass *edit_class = UE_EDIT_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = ue_edit_group_finalize;
  edit_class->apply = ue_edit_group_apply;
  edit_class->revert = ue_edit_group_revert;
}

static void
ue_edit_group_init (UeEditGroup *self)
{
  self->edits = g_ptr_array_new_with_free_func (g_object_unref);
}

UeEdit *
ue_edit_group_new (const char *label)
{
  UeEdit *self = g_object_new (UE_TYPE_EDIT_GROUP, NULL);
  ue_edit_set_label (self, label);
  return self;
}

void
ue_edit_group_add (UeEditGroup *self,
                   UeEdit      *edit)
{
  g_return_if_fail (UE_IS_EDIT_GROUP (self));
  g_return_if_fail (UE_IS_EDIT (edit));
  g_ptr_array_add (self->edits, g_object_ref (edit));
}

guint
ue_edit_group_get_n_edits (UeEditGroup *self)
{
  g_return_val_if_fail (UE_IS_EDIT_GROUP (self), 0);
  return self->edits->len;
}

UeEdit *
ue_edit_group_get_last (UeEditGroup *self)
{
  g_return_val_if_fail (UE_IS_EDIT_GROUP (self), NULL);
  return self->edits->len ? g_ptr_array_index (self->edits, self->edits->len - 1) : NULL;
}
