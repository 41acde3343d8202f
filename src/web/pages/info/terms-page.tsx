import type { Config } from '../../../config.ts'
import { formatDate } from '../../../shared/format.ts'
import { Layout } from '../../views/layout.tsx'
import type { PageContext } from '../../views/page-context.ts'
import { Breadcrumbs } from '../../views/ui.tsx'

export const TERMS_VERSION = { number: 1, publishedOn: new Date('2026-11-25T00:00:00+05:30') }

export function TermsPage(props: { ctx: PageContext; config: Config; canonical: string }) {
  const operator = props.config.operator.name
  return (
    <Layout
      ctx={props.ctx}
      title="Terms of use"
      description="The rules for buying and selling on Mandi: who may use it, what sellers promise, what is not allowed, and how disputes are handled."
      canonical={props.canonical}
    >
      <div class="container page-narrow prose-page">
        <Breadcrumbs items={[{ label: 'Home', href: '/' }, { label: 'Terms of use' }]} />
        <h1>Terms of use</h1>
        <p class="doc-version">
          Version {TERMS_VERSION.number}, published {formatDate(TERMS_VERSION.publishedOn)}
        </p>

        <h2>1. These terms</h2>
        <p>
          These terms are an agreement between you and {operator}, which runs this marketplace. By using the
          site or its API you accept them. If you use Mandi for a company, you confirm that you may bind it to
          these terms. How we treat personal data is set out separately in the{' '}
          <a href="/privacy">privacy notice</a>.
        </p>

        <h2>2. Who may use Mandi</h2>
        <p>
          Mandi is for trade between businesses. You must be at least 18, give true details about yourself and
          your business, and keep them up to date. One person may not hold several accounts to get around a
          suspension.
        </p>

        <h2>3. What Mandi does, and does not do</h2>
        <p>
          Mandi is a place where sellers list goods and buyers find them and ask for quotes. The contract for
          any sale is between the buyer and the seller. We do not make, own, inspect or deliver the goods, and
          we do not promise that a seller will accept an order or that goods will match a listing. Check
          samples, test certificates and terms with the seller before you buy in quantity.
        </p>
        <p>
          A <strong>GST verified</strong> badge means we checked the seller's GST registration on the date
          shown. It does not vouch for the quality of their goods or the way they do business.
        </p>

        <h2>4. What sellers promise</h2>
        <ul>
          <li>
            Listings describe real goods they can supply, with honest specifications, prices, units and
            minimum order quantities.
          </li>
          <li>
            They hold every licence, registration and certificate the goods need, and they comply with GST and
            other tax law.
          </li>
          <li>They answer enquiries in good faith and honour the quotes they give.</li>
          <li>
            They use buyers' details only to deal with that buyer's enquiry or order, and never add them to
            mailing lists.
          </li>
        </ul>
        <p>
          Sellers let us show their listings, business name, city and verification status on Mandi and through
          its API for as long as the listings are published.
        </p>

        <h2>5. What nobody may do</h2>
        <ul>
          <li>
            List goods that Indian law prohibits or restricts without the required licence, or counterfeit,
            stolen or unsafe goods.
          </li>
          <li>Post false enquiries, fake reviews or misleading prices.</li>
          <li>Collect other users' contact details, or try to get around the enquiry relay to do so.</li>
          <li>Copy the catalogue in bulk except through the API within its published limits.</li>
          <li>Interfere with the site's security or operation, or upload malicious code.</li>
          <li>Use Mandi to infringe someone else's trademarks, designs or copyright.</li>
        </ul>

        <h2>6. Payments</h2>
        <p>
          Where a listing can be bought online, payment goes through a third-party payment gateway on its own
          pages, under its own terms. We never see your card or bank details. Refunds and returns follow what
          the buyer and seller agreed, and the law.
        </p>

        <h2>7. When we remove things</h2>
        <p>
          We may take down a listing, hold an enquiry or suspend an account that breaks these terms or the
          law, or when a court or authority lawfully orders us to. We will tell you what we did and why,
          unless the law forbids it, and you can ask for the decision to be reviewed through the{' '}
          <a href="/grievance">grievance officer</a>.
        </p>

        <h2>8. Liability</h2>
        <p>
          We run Mandi with care but cannot promise it will always be available or free of errors. As far as
          the law allows, we are not liable for the goods, for what buyers and sellers do, or for indirect
          losses such as lost profit. Nothing in these terms limits a liability that the law does not allow to
          be limited.
        </p>

        <h2>9. Changes, law and disputes</h2>
        <p>
          We may update these terms. Each version carries a number and date, and we tell account holders
          before a change that affects them takes effect. These terms are governed by the laws of India.
          Please raise any dispute with the grievance officer first; if it is not resolved, the courts that
          have jurisdiction over the operator's registered office will decide it.
        </p>
      </div>
    </Layout>
  )
}
