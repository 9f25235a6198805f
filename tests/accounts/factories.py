import factory

from lms.accounts.models import Firm, Industry, Membership, SizeBand, User
from lms.accounts.validators import org_number_check_digit

TEST_PASSWORD = "correct-horse-battery"


def valid_org_number(n: int) -> str:
    """The n-th valid organisation number starting with 9 (skips impossible bases)."""
    base = 91_000_000 + n
    while org_number_check_digit(str(base)) is None:
        base += 1
    return f"{base}{org_number_check_digit(str(base))}"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.no")
    first_name = factory.Faker("first_name", locale="no_NO")
    last_name = factory.Faker("last_name", locale="no_NO")
    password = factory.PostGenerationMethodCall("set_password", TEST_PASSWORD)

    @factory.post_generation
    def save_password(obj, create, extracted, **kwargs):
        if create:
            obj.save()


class FirmFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Firm

    name = factory.Sequence(lambda n: f"Testbedrift {n} AS")
    org_number = factory.Sequence(lambda n: valid_org_number(n * 7))
    municipality = "Asker"
    industry = Industry.CONSTRUCTION
    size_band = SizeBand.S5_9


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    firm = factory.SubFactory(FirmFactory)
    is_contact = False
