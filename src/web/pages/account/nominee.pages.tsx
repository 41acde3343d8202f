import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { App } from '../../../app.ts'
import * as flows from '../../../flows/index.ts'
import * as privacy from '../../../modules/privacy/index.ts'
import { grievanceDeps } from '../../api/grievance.routes.ts'
import { sendPage } from '../../render.tsx'
import {
  AccountShell,
  CsrfField,
  DateTime,
  ErrorSummary,
  type FlashMessage,
  InputField,
  SelectField,
  whyWeAsk,
} from '../../views/account-components.tsx'
import { csrfToken, type PageContext, pageContext } from '../../views/page-context.ts'
import { Button } from '../../views/ui.tsx'
import {
  formBody,
  formProblem,
  mustSignIn,
  noStore,
  redirectWithFlash,
  sessionOf,
  takeFlash,
  text,
} from './account-frame.ts'

// /account/privacy/nominee: name the person who may use your rights if you die or cannot act
// (DPDP Act s14), see who it is, change or remove them. The relationship is a choice from a short
// list or, with "Something else", written in.

const OTHER = 'other'
const labels = {
  name: 'Your nominee’s full name',
  email: 'Your nominee’s email address',
  relationship: 'How are they related to you?',
  relationshipOther: 'Describe the relationship',
}

interface FormState {
  values: Record<string, string>
  errors: Record<string, string>
}

export function nomineePages(server: FastifyInstance, app: App) {
  const page = async (request: FastifyRequest, reply: FastifyReply, form?: FormState, status = 200) => {
    const { user } = sessionOf(request)
    const nominee = await flows.getNominee(app.db, user.id)
    noStore(reply)
    return sendPage(
      reply,
      <NomineePage
        ctx={pageContext(request)}
        csrf={csrfToken(reply)}
        flash={form ? null : takeFlash(request, reply, app)}
        nominee={nominee}
        form={form}
      />,
      status,
    )
  }

  server.get('/account/privacy/nominee', { preHandler: mustSignIn }, (request, reply) => page(request, reply))

  server.post('/account/privacy/nominee', { preHandler: mustSignIn }, async (request, reply) => {
    const { user } = sessionOf(request)
    const body = formBody(request)
    const values = {
      name: text(body, 'name'),
      email: text(body, 'email'),
      relationship: text(body, 'relationship'),
      relationshipOther: text(body, 'relationshipOther'),
    }
    const choice = values.relationship
    const relationship = choice === OTHER ? values.relationshipOther : choice
    let told: boolean
    try {
      ;({ told } = await flows.setNominee(app.db, grievanceDeps(app), {
        userId: user.id,
        input: { name: values.name, email: values.email, relationship },
      }))
    } catch (error) {
      const problem = formProblem(error)
      const errors = { ...problem.fields }
      // The written-in relationship's problem belongs next to the box it was typed in.
      if (errors.relationship && choice === OTHER) {
        errors.relationshipOther = errors.relationship
        delete errors.relationship
      }
      return page(request, reply, { values, errors }, problem.status)
    }
    if (told) await request.server.jobs.send('messaging.deliver')
    return redirectWithFlash(reply, app, '/account/privacy/nominee', {
      kind: 'success',
      text: told
        ? 'Your nominee is saved, and we have emailed them to say that you named them.'
        : 'Your nominee’s details are updated.',
    })
  })

  server.post('/account/privacy/nominee/remove', { preHandler: mustSignIn }, async (request, reply) => {
    const { user } = sessionOf(request)
    const removed = await flows.removeNominee(app.db, user.id)
    return redirectWithFlash(reply, app, '/account/privacy/nominee', {
      kind: removed ? 'success' : 'info',
      text: removed ? 'Your nominee is removed.' : 'You had no nominee.',
    })
  })
}

function NomineePage(props: {
  ctx: PageContext
  csrf: string
  flash: FlashMessage | null
  nominee: privacy.Nominee | null
  form?: FormState | undefined
}) {
  const n = props.nominee
  const listed = (value: string) => (privacy.nomineeRelationships as readonly string[]).includes(value)
  const values = props.form?.values ?? {
    name: n?.name ?? '',
    email: n?.email ?? '',
    relationship: n ? (listed(n.relationship) ? n.relationship : OTHER) : '',
    relationshipOther: n && !listed(n.relationship) ? n.relationship : '',
  }
  const errors = props.form?.errors ?? {}
  return (
    <AccountShell
      ctx={props.ctx}
      title="Your nominee"
      section="privacy"
      flash={props.flash}
      lead={
        <>
          Choose someone who may use your rights over your personal data for you if you die or can no longer
          act for yourself: see what we hold, have it corrected or erased, and complain to the grievance
          officer.
        </>
      }
    >
      <section class="card" aria-labelledby="current-title">
        <h2 class="card-title" id="current-title">
          Your nominee now
        </h2>
        {n ? (
          <>
            <dl class="key-value">
              <dt>Name</dt>
              <dd>{n.name}</dd>
              <dt>Email</dt>
              <dd>{n.email}</dd>
              <dt>Relationship</dt>
              <dd>{n.relationship}</dd>
              <dt>Named</dt>
              <dd>
                <DateTime date={n.createdAt} />
              </dd>
            </dl>
            <form method="post" action="/account/privacy/nominee/remove">
              <CsrfField token={props.csrf} />
              <Button variant="secondary">Remove your nominee</Button>
            </form>
          </>
        ) : (
          <p>You have not named a nominee.</p>
        )}
      </section>

      <section class="card" aria-labelledby="nominee-form-title">
        <h2 class="card-title" id="nominee-form-title">
          {n ? 'Change your nominee' : 'Name a nominee'}
        </h2>
        <p class="muted">
          When you name someone new, we email them once to say that you named them, with your name and the
          relationship you give, and how to act when the time comes (by writing to our{' '}
          <a href="/grievance">grievance officer</a>). That email is recorded in your disclosure ledger in the{' '}
          <a href="/account/privacy">privacy centre</a>.
        </p>
        <ErrorSummary errors={errors} labels={labels} />
        <form method="post" action="/account/privacy/nominee" novalidate>
          <CsrfField token={props.csrf} />
          <InputField
            name="name"
            label={labels.name}
            value={values.name}
            error={errors.name}
            why={whyWeAsk('nominees', 'name')}
            required
            maxlength={120}
            autocomplete="off"
          />
          <InputField
            name="email"
            type="email"
            label={labels.email}
            value={values.email}
            error={errors.email}
            why={whyWeAsk('nominees', 'email')}
            required
            maxlength={254}
            inputmode="email"
            autocomplete="off"
            spellcheck={false}
          />
          <SelectField
            name="relationship"
            label={labels.relationship}
            options={[
              { value: '', label: 'Choose one' },
              ...privacy.nomineeRelationships.map((r) => ({ value: r, label: r })),
              { value: OTHER, label: 'Something else (describe it below)' },
            ]}
            value={values.relationship}
            error={errors.relationship}
            required
          />
          <InputField
            name="relationshipOther"
            label={labels.relationshipOther}
            hint={`Only with “Something else”: in your own words, at most ${privacy.NOMINEE_RELATIONSHIP_MAX} characters.`}
            value={values.relationshipOther}
            error={errors.relationshipOther}
            maxlength={privacy.NOMINEE_RELATIONSHIP_MAX}
          />
          <Button>Save your nominee</Button>
        </form>
      </section>
    </AccountShell>
  )
}
