from codemods.image_dim_ordering_to_data_format import ImageDimOrderingToDataFormat
from tests.conftest import rewrite
from tf2migrate.results import Status


def migrate(source):
    return rewrite(source, ImageDimOrderingToDataFormat)


def test_literal_orderings_become_data_formats_keeping_the_quotes():
    result = migrate(
        """\
        from keras import backend as K
        K.set_image_dim_ordering('th')
        K.set_image_dim_ordering("tf")
        """
    )
    assert result.new_text == (
        "from keras import backend as K\n"
        "K.set_image_data_format('channels_first')\n"
        'K.set_image_data_format("channels_last")\n'
    )
    assert result.findings == ()


def test_comparisons_with_a_literal_ordering_compare_the_data_format():
    result = migrate(
        """\
        import keras.backend as K
        a = K.image_dim_ordering() == "th"
        b = K.image_dim_ordering() != 'tf'
        c = "tf" == K.image_dim_ordering()
        """
    )
    assert result.new_text.splitlines()[1:] == [
        'a = K.image_data_format() == "channels_first"',
        "b = K.image_data_format() != 'channels_last'",
        'c = "channels_last" == K.image_data_format()',
    ]


def test_other_uses_of_the_getter_get_the_exact_general_form():
    result = migrate(
        """\
        from keras import backend as K
        print("ordering:", K.image_dim_ordering())
        ordering = K.image_dim_ordering()
        layout = {"th": "NCHW", "tf": "NHWC"}[K.image_dim_ordering()]
        name = K.image_dim_ordering() + "_model"
        odd = K.image_dim_ordering() == "channels_first"
        kept = (K.image_dim_ordering())
        """
    )
    general = '"th" if K.image_data_format() == "channels_first" else "tf"'
    assert result.new_text.splitlines()[1:] == [
        f'print("ordering:", {general})',
        f"ordering = {general}",
        f'layout = {{"th": "NCHW", "tf": "NHWC"}}[{general}]',
        f'name = ({general}) + "_model"',
        f'odd = ({general}) == "channels_first"',
        f"kept = ({general})",
    ]


def test_runtime_ordering_maps_through_a_lookup_that_rejects_other_values():
    result = migrate(
        """\
        import keras
        keras.backend.set_image_dim_ordering(ordering)
        keras.backend.set_image_dim_ordering(dim_ordering=config["ordering"])
        """
    )
    assert result.new_text.splitlines()[1:] == [
        'keras.backend.set_image_data_format({"th": "channels_first", "tf": "channels_last"}.get(ordering))',
        'keras.backend.set_image_data_format({"th": "channels_first", "tf": "channels_last"}.get(config["ordering"]))',
    ]


def test_functions_imported_by_name_are_imported_under_their_new_names():
    result = migrate(
        """\
        from keras.backend import image_dim_ordering, set_image_dim_ordering as set_ordering, floatx
        set_ordering("th")
        if image_dim_ordering() == "th":
            print(floatx())
        """
    )
    assert result.new_text == (
        "from keras.backend import image_data_format, set_image_data_format, floatx\n"
        'set_image_data_format("channels_first")\n'
        'if image_data_format() == "channels_first":\n'
        "    print(floatx())\n"
    )


def test_unused_import_of_a_removed_name_goes():
    result = migrate(
        """\
        from keras.backend import image_dim_ordering, floatx
        print(floatx())
        """
    )
    assert result.new_text == "from keras.backend import floatx\nprint(floatx())\n"


def test_code_already_on_data_formats_is_unchanged():
    result = migrate(
        """\
        from keras import backend as K
        K.set_image_data_format("channels_first")
        # image_dim_ordering was the old name
        print(K.image_data_format())
        """
    )
    assert result.status is Status.UNCHANGED and result.findings == ()


def test_a_method_of_the_same_name_on_another_object_is_not_touched():
    result = migrate(
        """\
        from keras import backend as K
        settings.set_image_dim_ordering("th")
        print(settings.image_dim_ordering())
        """
    )
    assert result.status is Status.UNCHANGED and result.findings == ()


def test_calls_that_cannot_be_mapped_are_reported():
    result = migrate(
        """\
        from keras import backend as K
        K.set_image_dim_ordering("channels_first")
        K.set_image_dim_ordering("th", strict=True)
        K.image_dim_ordering(None)
        getter = K.image_dim_ordering
        """
    )
    assert result.status is Status.UNCHANGED
    assert [f.line for f in result.findings] == [2, 3, 4, 5]
    assert '"channels_first" is not an ordering' in result.findings[0].message
    assert "arguments" in result.findings[1].message
    assert "called with arguments" in result.findings[2].message
    assert "other than by a call" in result.findings[3].message
