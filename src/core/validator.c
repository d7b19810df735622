/* validator.c — answer document × catalog → a list model of messages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * UeValidator runs the checks (validator-document.c walks the document,
 * validator-settings.c checks settings against the catalog) and keeps the messages in
 * one GListStore, sorted by position, for the Messages pane.
 */
#define G_LOG_DOMAIN "ue-core"

#include <glib/gi18n.h>
#include <string.h>

#include "validator.h"
#include "validator-private.h"

static gint
compare_position (gconstpointer a,
                  gconstpointer b)
{
  UeMessage *ma = *(UeMessage **) a;
  UeMessage *mb = *(UeMessage **) b;

  if (ue_message_get_line (ma) != ue_message_get_line (mb))
    return ue_message_get_line (ma) < ue_message_get_line (mb) ? -1 : 1;
  if (ue_message_get_column (ma) != ue_message_get_column (mb))
    return ue_message_get_column (ma) < ue_message_get_column (mb) ? -1 : 1;
  return 0;
}

/* (transfer full) the messages in file order */
static GPtrArray *
collect_messages (UeAnswerDoc *doc,
                  UeCatalog   *catalog)
{
  UeCheck check = { 0 };

  check.doc = doc;
  check.catalog = catalog;
  check.file = ue_answer_doc_get_display_name (doc);
  check.found = g_ptr_array_new_with_free_func (g_object_unref);
  check.suggestions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  _ue_check_document (&check);
  g_hash_table_unref (check.suggestions);
  /* g_ptr_array_sort is a merge sort in GLib (stable): findings on one line keep their order */
  g_ptr_array_sort (check.found, compare_position);
  return check.found;
}

/* ---- UeValidator ---- */

struct _UeValidator
{
  GObject     parent_instance;

  UeCatalog  *catalog;
  GListStore *messages;
  guint       n_errors;
  guint       n_warnings;
};

G_DEFINE_FINAL_TYPE (UeValidator, ue_validator, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_CATALOG,
  PROP_MESSAGES,
  PROP_N_ERRORS,
  PROP_N_WARNINGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
ue_validator_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  UeValidator *self = UE_VALIDATOR (object);

  switch (prop_id)
    {
    case PROP_CATALOG: g_value_set_object (value, ue_validator_get_catalog (self)); break;
    case PROP_MESSAGES: g_value_set_object (value, ue_validator_get_messages (self)); break;
    case PROP_N_ERRORS: g_value_set_uint (value, ue_validator_get_n_errors (self)); break;
    case PROP_N_WARNINGS: g_value_set_uint (value, ue_validator_get_n_warnings (self)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ue_validator_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  UeValidator *self = UE_VALIDATOR (object);

  switch (prop_id)
    {
    case PROP_CATALOG: ue_validator_set_catalog (self, g_value_get_object (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ue_validator_dispose (GObject *object)
{
  UeValidator *self = UE_VALIDATOR (object);

  g_clear_object (&self->catalog);
  g_clear_object (&self->messages);
  G_OBJECT_CLASS (ue_validator_parent_class)->dispose (object);
}

static void
ue_validator_class_init (UeValidatorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = ue_validator_get_property;
  object_class->set_property = ue_validator_set_property;
  object_class->dispose = ue_validator_dispose;

  properties[PROP_CATALOG] =
    g_param_spec_object ("catalog", NULL, NULL, UE_TYPE_CATALOG,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MESSAGES] =
    g_param_spec_object ("messages", NULL, NULL, G_TYPE_LIST_MODEL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_ERRORS] =
    g_param_spec_uint ("n-errors", NULL, NULL, 0, G_MAXUINT, 0, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_WARNINGS] =
    g_param_spec_uint ("n-warnings", NULL, NULL, 0, G_MAXUINT, 0, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ue_validator_init (UeValidator *self)
{
  self->messages = g_list_store_new (UE_TYPE_MESSAGE);
}

/**
 * ue_validator_new:
 * @catalog: (nullable): the catalog to check against; NULL for the embedded default
 *
 * Returns: (transfer full): a new validator
 */
UeValidator *
ue_validator_new (UeCatalog *catalog)
{
  UeValidator *self;

  g_return_val_if_fail (catalog == NULL || UE_IS_CATALOG (catalog), NULL);

  self = g_object_new (UE_TYPE_VALIDATOR, NULL);
  ue_validator_set_catalog (self, catalog);
  return self;
}

/**
 * ue_validator_get_catalog:
 *
 * Returns: (transfer none): the catalog settings are checked against
 */
UeCatalog *
ue_validator_get_catalog (UeValidator *self)
{
  g_return_val_if_fail (UE_IS_VALIDATOR (self), NULL);
  return self->catalog;
}

void
ue_validator_set_catalog (UeValidator *self,
                          UeCatalog   *catalog)
{
  g_autoptr(UeCatalog) chosen = NULL;

  g_return_if_fail (UE_IS_VALIDATOR (self));
  g_return_if_fail (catalog == NULL || UE_IS_CATALOG (catalog));

  chosen = catalog ? g_object_ref (catalog) : ue_catalog_get_default ();
  if (chosen == self->catalog)
    return;
  g_set_object (&self->catalog, chosen);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CATALOG]);
}

/**
 * ue_validator_get_messages:
 *
 * Returns: (transfer none): the messages of the last run, a GListModel of UeMessage
 */
GListModel *
ue_validator_get_messages (UeValidator *self)
{
  g_return_val_if_fail (UE_IS_VALIDATOR (self), NULL);
  return G_LIST_MODEL (self->messages);
}

static void
set_counts (UeValidator *self,
            guint        n_errors,
            guint        n_warnings)
{
  if (self->n_errors != n_errors)
    {
      self->n_errors = n_errors;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ERRORS]);
    }
  if (self->n_warnings != n_warnings)
    {
      self->n_warnings = n_warnings;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_WARNINGS]);
    }
}

guint
ue_validator_run (UeValidator *self,
                  UeAnswerDoc *doc)
{
  g_autoptr(GPtrArray) found = NULL;
  guint n_errors = 0;

  g_return_val_if_fail (UE_IS_VALIDATOR (self), 0);
  g_return_val_if_fail (UE_IS_ANSWER_DOC (doc), 0);

  found = collect_messages (doc, self->catalog);
  for (guint i = 0; i < found->len; i++)
    if (ue_message_get_severity (found->pdata[i]) == UE_MESSAGE_SEVERITY_ERROR)
      n_errors++;
  g_list_store_splice (self->messages, 0, g_list_model_get_n_items (G_LIST_MODEL (self->messages)),
                       found->pdata, found->len);
  set_counts (self, n_errors, found->len - n_errors);
  return n_errors;
}

guint
ue_validator_get_n_errors (UeValidator *self)
{
  g_return_val_if_fail (UE_IS_VALIDATOR (self), 0);
  return self->n_errors;
}

guint
ue_validator_get_n_warnings (UeValidator *self)
{
  g_return_val_if_fail (UE_IS_VALIDATOR (self), 0);
  return self->n_warnings;
}

void
ue_validator_clear (UeValidator *self)
{
  g_return_if_fail (UE_IS_VALIDATOR (self));

  g_list_store_remove_all (self->messages);
  set_counts (self, 0, 0);
}

/**
 * ue_validate_document:
 * @doc: the document
 * @catalog: (nullable): the catalog; NULL for the embedded default
 *
 * Returns: (transfer full): a GListModel of UeMessage in file order
 */
GListModel *
ue_validate_document (UeAnswerDoc *doc,
                      UeCatalog   *catalog)
{
  g_autoptr(UeValidator) validator = NULL;

  g_return_val_if_fail (UE_IS_ANSWER_DOC (doc), NULL);
  g_return_val_if_fail (catalog == NULL || UE_IS_CATALOG (catalog), NULL);

  validator = ue_validator_new (catalog);
  ue_validator_run (validator, doc);
  return g_object_ref (ue_validator_get_messages (validator));
}
