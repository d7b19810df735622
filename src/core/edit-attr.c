/* edit-attr.c — set, change or remove one attribute
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ue-core"

#include "answer-doc-private.h"
#include "edit-attr.h"

struct _UeEditAttr
{
  UeEdit    parent_instance;

  xmlNode  *element;
  xmlNs    *ns;
  gboolean  declares_ns;  /* ns is declared on element by this edit */
  gboolean  ns_linked;    /* ... and is in element->nsDef now (else the edit owns it) */
  char     *name;
  char     *old_value;    /* NULL: there was none */
  char     *new_value;    /* NULL: remove */
  gboolean  old_dirty;
};

G_DEFINE_FINAL_TYPE (UeEditAttr, ue_edit_attr, UE_TYPE_EDIT)

static void
put (UeEditAttr  *self,
     const char  *value)
{
  if (value != NULL)
    xmlSetNsProp (self->element, self->ns, (const xmlChar *) self->name, (const xmlChar *) value);
  else
    {
      xmlAttr *attr = self->ns ? xmlHasNsProp (self->element, (const xmlChar *) self->name, self->ns->href)
                               : xmlHasNsProp (self->element, (const xmlChar *) self->name, NULL);
      if (attr != NULL)
        xmlRemoveProp (attr);
    }
}

static void
link_ns (UeEditAttr *self,
         gboolean    link)
{
  xmlNs **p = &self->element->nsDef;

  if (!self->declares_ns || self->ns_linked == link)
    return;
  while (*p != NULL && *p != self->ns)
    p = &(*p)->next;
  if (link)
    {
      self->ns->next = NULL;
      *p = self->ns;
    }
  else if (*p != NULL)
    {
      *p = self->ns->next;
      self->ns->next = NULL;
    }
  self->ns_linked = link;
}

static void
ue_edit_attr_apply (UeEdit      *edit,
                    UeAnswerDoc *doc)
{
  UeEditAttr *self = UE_EDIT_ATTR (edit);
  UeRawSpan *span = self->element->_private;

  link_ns (self, TRUE);
  put (self, self->new_value);
  if (span != NULL)
    {
      self->old_dirty = span->start_dirty;
      span->start_dirty = TRUE;
    }
  _ue_answer_doc_emit_changed (doc, self->element);
}

static void
ue_edit_attr_revert (UeEdit      *edit,
                     UeAnswerDoc *doc)
{
  UeEditAttr *self = UE_EDIT_ATTR (edit);
  UeRawSpan *span = self->element->_private;

  put (self, self->old_value);
  link_ns (self, FALSE);
  /* back to the file's own start tag, byte for byte */
  if (span != NULL)
    span->start_dirty = self->old_dirty;
  _ue_answer_doc_emit_changed (doc, self->element);
}

static void
ue_edit_attr_finalize (GObject *object)
{
  UeEditAttr *self = UE_EDIT_ATTR (object);

  if (self->declares_ns && !self->ns_linked)
    xmlFreeNs (self->ns);
  g_free (self->name);
  g_free (self->old_value);
  g_free (self->new_value);
  G_OBJECT_CLASS (ue_edit_attr_parent_class)->finalize (object);
}

static void
ue_edit_attr_class_init (UeEditAttrClass *klass)
{
  UeEditClass *edit_class = UE_EDIT_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = ue_edit_attr_finalize;
  edit_class->apply = ue_edit_attr_apply;
  edit_class->revert = ue_edit_attr_revert;
}

static void
ue_edit_attr_init (UeEditAttr *self)
{
}

UeEdit *
ue_edit_attr_new (UeNode     *element,
                  gpointer    ns,
                  gboolean    declares_ns,
                  const char *local_name,
                  const char *value)
{
  UeEditAttr *self;
  xmlAttr *attr;

  g_return_val_if_fail (element != NULL, NULL);
  g_return_val_if_fail (local_name != NULL, NULL);

  self = g_object_new (UE_TYPE_EDIT_ATTR, NULL);
  self->element = XML_NODE (element);
  self->ns = ns;
  self->name = g_strdup (local_name);
  /* linked by the caller; apply links it again */
  self->declares_ns = declares_ns && ns != NULL;
  self->ns_linked = self->declares_ns;
  link_ns (self, FALSE);
  self->new_value = g_strdup (value);
  attr = xmlHasNsProp (self->element, (const xmlChar *) local_name, self->ns ? self->ns->href : NULL);
  if (attr != NULL)
    {
      xmlChar *old = xmlNodeListGetString (attr->doc, attr->children, 1);
      self->old_value = g_strdup (old ? (const char *) old : "");
      xmlFree (old);
    }
  return UE_EDIT (self);
}
